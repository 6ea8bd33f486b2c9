package dev.lanyard.integrations.integration.adapter.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.integrations.integration.application.ConnectionProbe;
import dev.lanyard.integrations.integration.application.ProbeOutcome;
import dev.lanyard.integrations.integration.domain.ClientSecret;
import dev.lanyard.platform.outbound.RefusedAddressException;
import dev.lanyard.platform.outbound.Uris;
import dev.lanyard.platform.outbound.VettedResolver;
import dev.lanyard.platform.outbound.http.OutboundHttp;

/**
 * {@link ConnectionProbe} over the shared {@link OutboundHttp}: the host is resolved once
 * and vetted, and only the vetted address is connected to; every request bounded by the
 * timeout, no redirects followed, client authentication by HTTP Basic (RFC 6749 §2.3.1).
 * An access token in a response is read only to see that there is one and never kept.
 *
 * <p>
 * Outcomes say only what an administrator needs and nothing a port scan could use: "could
 * not connect", "no answer within N ms", "the endpoint answered with status N", and an
 * OAuth error code only when it is one RFC 6749 defines. No exception names, no text from
 * the answer.
 */
public final class HttpConnectionProbe implements ConnectionProbe {

	static final String CLIENT_CREDENTIALS = "client-credentials";

	static final String AUTHORIZATION_ENDPOINT = "authorization-endpoint";

	static final String TOKEN_ENDPOINT = "token-endpoint";

	/** RFC 6749 §5.2 and §4.1.2.1: the only upstream words an outcome repeats. */
	private static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
			"unauthorized_client", "unsupported_grant_type", "invalid_scope", "access_denied", "server_error",
			"temporarily_unavailable", "invalid_target");

	private static final Pattern TOKEN_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,19}");

	// RFC 6749 §3.3 scope-tokens, space-separated, bounded
	private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E ]{0,300}");

	private final OutboundHttp http;

	private final Duration timeout;

	private final JsonMapper json = JsonMapper.builder().build();

	public HttpConnectionProbe(VettedResolver addresses, Duration timeout) {
		if (addresses == null) {
			throw new IllegalArgumentException("addresses cannot be null");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		this.timeout = timeout;
		this.http = OutboundHttp.create(addresses, timeout);
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
			form.put(Uris.isAbsolute(audience) ? "resource" : "audience", audience);
		}
		long started = System.nanoTime();
		try {
			OutboundHttp.Response response = postToken(tokenEndpoint, clientId, secret, form);
			long elapsed = millisSince(started);
			JsonNode body = parse(response.body());
			if (response.status() == 200 && body != null && body.path("access_token").isString()) {
				return new ProbeOutcome(CLIENT_CREDENTIALS, true, 200, null, null,
						matching(text(body, "token_type"), TOKEN_TYPE),
						body.path("expires_in").isNumber() ? body.path("expires_in").asLong() : null,
						matching(text(body, "scope"), SCOPE), elapsed);
			}
			return ProbeOutcome.failed(CLIENT_CREDENTIALS, response.status(), oauthError(body), answered(response),
					elapsed);
		}
		catch (IOException ex) {
			return failure(CLIENT_CREDENTIALS, ex, started);
		}
	}

	@Override
	public ProbeOutcome authorizationEndpoint(URI endpoint, String clientId) {
		String query = "response_type=code&client_id=" + encode(clientId) + "&state=lanyard-connection-test";
		URI uri = URI.create(endpoint + ((endpoint.getRawQuery() != null) ? "&" : "?") + query);
		long started = System.nanoTime();
		try {
			OutboundHttp.Response response = this.http.get(uri, Map.of());
			long elapsed = millisSince(started);
			if (response.status() < 500) {
				return new ProbeOutcome(AUTHORIZATION_ENDPOINT, true, response.status(), null, null, null, null, null,
						elapsed);
			}
			return ProbeOutcome.failed(AUTHORIZATION_ENDPOINT, response.status(), "server_error", answered(response),
					elapsed);
		}
		catch (IOException ex) {
			return failure(AUTHORIZATION_ENDPOINT, ex, started);
		}
	}

	@Override
	public ProbeOutcome tokenEndpoint(URI endpoint, String clientId, ClientSecret secret) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", "lanyard-connection-test");
		long started = System.nanoTime();
		try {
			OutboundHttp.Response response = postToken(endpoint, clientId, secret, form);
			long elapsed = millisSince(started);
			String error = oauthError(parse(response.body()));
			if (response.status() >= 400 && response.status() < 500 && !"unexpected_response".equals(error)) {
				// the expected refusal of a made-up code: the endpoint speaks OAuth
				return new ProbeOutcome(TOKEN_ENDPOINT, true, response.status(), error, answered(response), null, null,
						null, elapsed);
			}
			return ProbeOutcome.failed(TOKEN_ENDPOINT, response.status(), "unexpected_response", answered(response),
					elapsed);
		}
		catch (IOException ex) {
			return failure(TOKEN_ENDPOINT, ex, started);
		}
	}

	private OutboundHttp.Response postToken(URI endpoint, String clientId, ClientSecret secret,
			Map<String, String> form) throws IOException {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", "application/json");
		if (secret != null) {
			String credentials = encode(clientId) + ":" + encode(secret.value());
			headers.put("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		else {
			form.put("client_id", clientId);
		}
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return this.http.postForm(endpoint, headers, body);
	}

	private ProbeOutcome failure(String check, IOException ex, long started) {
		if (ex instanceof RefusedAddressException) {
			return ProbeOutcome.failed(check, null, "endpoint_refused",
					"the endpoint's host resolves to an address that is not allowed", millisSince(started));
		}
		if (ex instanceof SocketTimeoutException) {
			return ProbeOutcome.failed(check, null, "timeout", "no answer within " + this.timeout.toMillis() + " ms",
					millisSince(started));
		}
		return ProbeOutcome.failed(check, null, "unreachable", "could not connect", millisSince(started));
	}

	private static String answered(OutboundHttp.Response response) {
		return "the endpoint answered with status " + response.status();
	}

	/**
	 * The answer's OAuth error code when RFC 6749 defines it, else
	 * {@code unexpected_response}.
	 */
	private static String oauthError(JsonNode body) {
		String error = (body != null) ? text(body, "error") : null;
		return (error != null && OAUTH_ERRORS.contains(error)) ? error : "unexpected_response";
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

	private static String matching(String value, Pattern pattern) {
		return (value != null && pattern.matcher(value).matches()) ? value : null;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
