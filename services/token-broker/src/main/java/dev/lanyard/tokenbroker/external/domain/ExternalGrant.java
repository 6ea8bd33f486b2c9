package dev.lanyard.tokenbroker.external.domain;

/**
 * What an external token endpoint answered to an authorization-code or refresh-token
 * grant.
 *
 * @param accessToken the access token
 * @param refreshToken the (possibly rotated) refresh token, or {@code null} when none was
 * returned; never logged
 */
public record ExternalGrant(ExternalToken accessToken, String refreshToken) {

	public ExternalGrant {
		if (accessToken == null) {
			throw new IllegalArgumentException("accessToken cannot be null");
		}
		if (refreshToken != null && refreshToken.isEmpty()) {
			refreshToken = null;
		}
	}

	@Override
	public String toString() {
		return "ExternalGrant[accessToken=" + this.accessToken + ", refreshToken="
				+ ((this.refreshToken != null) ? "<redacted>" : "<none>") + "]";
	}

}
