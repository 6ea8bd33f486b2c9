package dev.lanyard.launcher.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.launcher.ClientCredentials;

/**
 * token-broker's admin API as the bootstrap administrator: ensures a client exists and
 * hands back a secret that works (a new client's, or a rotated one's when the client
 * exists already).
 */
public final class TokenBrokerAdmin {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final ClientCredentials administrator;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	public TokenBrokerAdmin(String baseUrl, ClientCredentials administrator) {
		if (baseUrl == null || administrator == null) {
			throw new IllegalArgumentException("baseUrl and administrator cannot be null");
		}
		this.baseUrl = baseUrl;
		this.administrator = administrator;
	}

	/**
	 * Creates the client, or rotates its secret when it exists; returns its credentials.
	 */
	public ClientCredentials ensureClient(String clientId, String name, String kind) {
		String token = accessToken();
		Map<String, String> body = new LinkedHashMap<>();
		body.put("clientId", clientId);
		body.put("name", name);
		body.put("kind", kind);
		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/admin/clients"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
		if (created.statusCode() == 201) {
			return new ClientCredentials(clientId, secretOf(created));
		}
		if (created.statusCode() != 409) {
			throw refused("create the client " + clientId, created);
		}
		HttpResponse<String> rotated = send(
				HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/admin/clients/" + encode(clientId) + "/secret"))
					.header("Authorization", "Bearer " + token)
					.POST(HttpRequest.BodyPublishers.noBody()));
		if (rotated.statusCode() != 200) {
			throw refused("rotate the secret of " + clientId, rotated);
		}
		return new ClientCredentials(clientId, secretOf(rotated));
	}

	/**
	 * An access token for the administrator (client credentials, client_secret_basic).
	 */
	public String accessToken() {
		String basic = Base64.getEncoder()
			.encodeToString((encode(this.administrator.clientId()) + ":" + encode(this.administrator.clientSecret()))
				.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
		if (response.statusCode() != 200) {
			throw refused("issue a token to the administrator " + this.administrator.clientId(), response);
		}
		JsonNode token = JSON.readTree(response.body()).get("access_token");
		if (token == null) {
			throw new IllegalStateException("token-broker's token response has no access_token");
		}
		return token.asString();
	}

	private static String secretOf(HttpResponse<String> response) {
		JsonNode secret = JSON.readTree(response.body()).get("clientSecret");
		if (secret == null || secret.asString().isBlank()) {
			throw new IllegalStateException("token-broker's answer has no clientSecret");
		}
		return secret.asString();
	}

	private static IllegalStateException refused(String what, HttpResponse<String> response) {
		// problem details carry no secrets; token responses are never echoed
		String detail = response.headers()
			.firstValue("Content-Type")
			.filter((type) -> type.contains("problem"))
			.map((type) -> ": " + response.body())
			.orElse("");
		return new IllegalStateException(
				"token-broker refused to " + what + " (HTTP " + response.statusCode() + ")" + detail);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("token-broker at " + this.baseUrl + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
