package dev.lanyard.tokenbroker.external.adapter.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Small pieces of RFC 6749 on the wire. */
final class OAuthForms {

	private OAuthForms() {
	}

	/** {@code application/x-www-form-urlencoded} of the parameters, in their order. */
	static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	/**
	 * {@code client_secret_basic} (RFC 6749 §2.3.1: id and secret form-encoded, then
	 * Basic).
	 */
	static String basic(String clientId, String clientSecret) {
		String pair = encode(clientId) + ":" + encode(clientSecret);
		return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
