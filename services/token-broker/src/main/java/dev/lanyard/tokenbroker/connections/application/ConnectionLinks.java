package dev.lanyard.tokenbroker.connections.application;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The public addresses of the connect flow, under the public base URL (the gateway, which
 * routes {@code /api/connections/**} here).
 */
public final class ConnectionLinks {

	private final String baseUrl;

	/**
	 * @param baseUrl the public base URL, without a trailing slash
	 */
	public ConnectionLinks(String baseUrl) {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new IllegalArgumentException("baseUrl cannot be blank");
		}
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Where a signed-in user starts connecting the integration. */
	public URI connect(String integrationId) {
		return URI.create(this.baseUrl + "/api/connections/"
				+ URLEncoder.encode(integrationId, StandardCharsets.UTF_8).replace("+", "%20") + "/connect");
	}

	/**
	 * The {@code redirect_uri} every viewer integration's provider sends the browser back
	 * to.
	 */
	public URI callback() {
		return URI.create(this.baseUrl + "/api/connections/callback");
	}

	/** The public address of a relative path checked by {@link #isSafeRedirectPath}. */
	public URI resolve(String path) {
		return URI.create(this.baseUrl + path);
	}

	/**
	 * A path on this site only: starts with one {@code /}, no scheme, authority,
	 * backslash or control character, at most 2000 characters, and a valid URI.
	 */
	public static boolean isSafeRedirectPath(String path) {
		if (path == null || path.isEmpty() || path.length() > 2000 || path.charAt(0) != '/' || path.startsWith("//")
				|| path.contains("\\")) {
			return false;
		}
		if (path.chars().anyMatch((c) -> c < 0x21 || c == 0x7f)) {
			return false;
		}
		try {
			URI uri = new URI(path);
			return uri.getScheme() == null && uri.getRawAuthority() == null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

}
