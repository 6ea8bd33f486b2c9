package dev.lanyard.e2e.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

import dev.lanyard.launcher.ClientCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls Lanyard's public address (auth-gateway) the way a client or script would. */
public final class Lanyard {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gateway;

	public Lanyard(String gateway) {
		this.gateway = gateway;
	}

	public String gateway() {
		return this.gateway;
	}

	/** A client-credentials token; fails the test when none is issued. */
	public String token(ClientCredentials client) throws Exception {
		HttpResponse<String> response = tokenRequest(client, Map.of("grant_type", "client_credentials"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	/** POST /oauth2/token with the form; client authentication when a client is given. */
	public HttpResponse<String> tokenRequest(ClientCredentials client, Map<String, String> form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString(form(form)));
		if (client != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8)));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> get(String bearer, String pathAndQuery) throws Exception {
		return send(bearer, "GET", pathAndQuery, null);
	}

	public HttpResponse<String> send(String bearer, String method, String pathAndQuery, Object jsonBody)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + pathAndQuery))
			.header("Authorization", "Bearer " + bearer)
			.timeout(Duration.ofSeconds(20));
		if (jsonBody != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(jsonBody)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Sends and expects a 2xx answer, returning its JSON (null for no body). */
	public JsonNode ok(String bearer, String method, String pathAndQuery, Object jsonBody) throws Exception {
		HttpResponse<String> response = send(bearer, method, pathAndQuery, jsonBody);
		assertThat(response.statusCode()).as(method + " " + pathAndQuery + ": " + response.body()).isBetween(200, 299);
		return response.body().isEmpty() ? null : JSON.readTree(response.body());
	}

	/** The audit trail's events for this query string (an auditor's token). */
	public JsonNode auditEvents(String auditorToken, String query) throws Exception {
		return ok(auditorToken, "GET", "/api/audit/events?" + query, null).get("events");
	}

	public static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	public static String sha256(String value) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

}
