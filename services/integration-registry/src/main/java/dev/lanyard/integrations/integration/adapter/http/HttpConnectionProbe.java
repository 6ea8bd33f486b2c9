package dev.lanyard.integrations.integration.adapter.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.integrations.integration.application.ConnectionProbe;
import dev.lanyard.integrations.integration.application.ProbeOutcome;
import dev.lanyard.integrations.integration.domain.ClientSecret;

/**
 * {@link ConnectionProbe} over the JDK's HTTP client: every request bounded by the
 * timeout, no redirects followed (a redirect could lead past the endpoint policy), client
 * authentication by HTTP Basic (RFC 6749 §2.3.1). An access token in a response is read
 * only to see that there is one and never kept.
 */
public final class HttpConnectionProbe implements ConnectionProbe {

	static final String CLIENT_CREDENTIALS = "client-credentials";

	static final String AUTHORIZATION_ENDPOINT = "authorization-endpoint";

	static final String TOKEN_ENDPOINT = "token-endpoint";

	private static final int MAX_DESCRIPTION = 300;

	private final HttpClient http;

	private final Duration timeout;

	private final JsonMapper json = JsonMapper.builder().build();

	public HttpConnectionProbe(Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Override
	public ProbeOutcome clientCredentials(URI tokenEndpoint, String clientId, ClientSecret secret, List<String> scopes,
			String audience) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		if (!scopes.isEmpty()) {
			form.put("scope", String.join(" ", scopes));
		}
		if (audience != null) {
			// RFC 8707 for absolute URIs; Auth0-style audience otherwise
			form.put(isAbsoluteUri(audience) ? "resource" : "audience", audience);
		}
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = send(tokenRequest(tokenEndpoint, clientId, secret, form));
			long elapsed = millisSince(started);
			JsonNode body = parse(response.body());
			if (response.statusCode() == 200 && body != null && body.path("access_token").isString()) {
				return new ProbeOutcome(CLIENT_CREDENTIALS, true, 200, null, null, text(body, "token_type"),
						body.path("expires_in").isNumber() ? body.path("expires_in").asLong() : null,
						text(body, "scope"), elapsed);
			}
			return oauthFailure(CLIENT_CREDENTIALS, response, body, elapsed);
		}
		catch (HttpTimeoutException ex) {
			return timedOut(CLIENT_CREDENTIALS, started);
		}
		catch (IOException | IllegalArgumentException ex) {
			return unreachable(CLIENT_CREDENTIALS, ex, started);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unreachable(CLIENT_CREDENTIALS, ex, started);
		}
	}

	@Override
	public ProbeOutcome authorizationEndpoint(URI endpoint, String clientId) {
		String query = "response_type=code&client_id=" + encode(clientId) + "&state=lanyard-connection-test";
		URI uri = URI.create(endpoint + ((endpoint.getRawQuery() != null) ? "&" : "?") + query);
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(this.timeout).GET().build());
			long elapsed = millisSince(started);
			if (response.statusCode() < 500) {
				return new ProbeOutcome(AUTHORIZATION_ENDPOINT, true, response.statusCode(), null, null, null, null,
						null, elapsed);
			}
			return ProbeOutcome.failed(AUTHORIZATION_ENDPOINT, response.statusCode(), "server_error",
					"The authorization endpoint answered " + response.statusCode(), elapsed);
		}
		catch (HttpTimeoutException ex) {
			return timedOut(AUTHORIZATION_ENDPOINT, started);
		}
		catch (IOException | IllegalArgumentException ex) {
			return unreachable(AUTHORIZATION_ENDPOINT, ex, started);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unreachable(AUTHORIZATION_ENDPOINT, ex, started);
		}
	}

	@Override
	public ProbeOutcome tokenEndpoint(URI endpoint, String clientId, ClientSecret secret) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", "lanyard-connection-test");
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = send(tokenRequest(endpoint, clientId, secret, form));
			long elapsed = millisSince(started);
			JsonNode body = parse(response.body());
			if (response.statusCode() >= 400 && response.statusCode() < 500 && body != null
					&& body.path("error").isString()) {
				// the expected refusal of a made-up code: the endpoint speaks OAuth
				return new ProbeOutcome(TOKEN_ENDPOINT, true, response.statusCode(), text(body, "error"),
						shorten(text(body, "error_description")), null, null, null, elapsed);
			}
			return ProbeOutcome.failed(TOKEN_ENDPOINT, response.statusCode(), "unexpected_response",
					"The token endpoint did not answer an invalid code with an OAuth error", elapsed);
		}
		catch (HttpTimeoutException ex) {
			return timedOut(TOKEN_ENDPOINT, started);
		}
		catch (IOException | IllegalArgumentException ex) {
			return unreachable(TOKEN_ENDPOINT, ex, started);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unreachable(TOKEN_ENDPOINT, ex, started);
		}
	}

	private HttpRequest tokenRequest(URI endpoint, String clientId, ClientSecret secret, Map<String, String> form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(this.timeout)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json");
		if (secret != null) {
			String credentials = encode(clientId) + ":" + encode(secret.value());
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		else {
			form.put("client_id", clientId);
		}
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private ProbeOutcome oauthFailure(String check, HttpResponse<String> response, JsonNode body, long elapsed) {
		if (body != null && body.path("error").isString()) {
			return ProbeOutcome.failed(check, response.statusCode(), text(body, "error"),
					shorten(text(body, "error_description")), elapsed);
		}
		return ProbeOutcome.failed(check, response.statusCode(), "unexpected_response",
				"The token endpoint answered " + response.statusCode() + " without an access token or OAuth error",
				elapsed);
	}

	private ProbeOutcome timedOut(String check, long started) {
		return ProbeOutcome.failed(check, null, "timeout", "No answer within " + this.timeout.toMillis() + " ms",
				millisSince(started));
	}

	private static ProbeOutcome unreachable(String check, Exception ex, long started) {
		return ProbeOutcome.failed(check, null, "unreachable",
				"The endpoint could not be reached (" + ex.getClass().getSimpleName() + ")", millisSince(started));
	}

	private JsonNode parse(String body) {
		try {
			return (body == null || body.isBlank()) ? null : this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.path(field);
		return value.isString() ? value.asString() : null;
	}

	private static String shorten(String text) {
		return (text == null || text.length() <= MAX_DESCRIPTION) ? text : text.substring(0, MAX_DESCRIPTION) + "…";
	}

	private static boolean isAbsoluteUri(String value) {
		try {
			return new URI(value).isAbsolute();
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
