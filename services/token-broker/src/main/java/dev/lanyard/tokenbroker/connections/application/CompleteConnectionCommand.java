package dev.lanyard.tokenbroker.connections.application;

/**
 * Command: finish a connect flow with what the provider sent back.
 *
 * @param userId the signed-in user at the callback
 * @param state the {@code state} parameter, or {@code null}
 * @param code the authorization code, or {@code null}; a secret, never logged
 * @param error the provider's OAuth error, or {@code null}
 */
public record CompleteConnectionCommand(String userId, String state, String code, String error) {

	public CompleteConnectionCommand {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
	}

	@Override
	public String toString() {
		return "CompleteConnectionCommand[userId=" + this.userId + ", error=" + this.error + "]";
	}

}
