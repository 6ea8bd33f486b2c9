package dev.lanyard.tokenbroker.external.adapter.http;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.platform.outbound.RefusedAddressException;
import dev.lanyard.platform.outbound.http.OutboundHttp;
import dev.lanyard.tokenbroker.external.application.DelegationEndpoint;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.ExternalTokenEndpoint;
import dev.lanyard.tokenbroker.external.application.UserGrantEndpoint;
import dev.lanyard.tokenbroker.external.domain.ExternalGrant;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Integration;

/**
 * Grants against an external token endpoint over HTTP, all with
 * {@code client_secret_basic}: client credentials ({@code scope} when scopes are named,
 * {@code audience} when the integration has one), authorization code with the PKCE
 * verifier, refresh token, and delegation (token exchange or on-behalf-of). Transport
 * failures, timeouts, 408, 429 and 5xx are {@link ExternalServiceUnavailableException}
 * (worth a retry); other 4xx are {@link ExternalServiceRefusedException} with the OAuth
 * error the service named. Bodies are never logged or put into messages.
 *
 * <p>
 * Calls go through {@link OutboundHttp}: the endpoint's host is resolved once at call
 * time, every address vetted by the shared outbound policy, and only a vetted address
 * connected to. A host that resolves to a refused address (or names a metadata service)
 * is an {@link ExternalServiceRefusedException} without an OAuth error: the integration
 * is misconfigured or its DNS points inside, and asking again cannot help.
 */
public final class HttpExternalTokenEndpoint implements ExternalTokenEndpoint, UserGrantEndpoint, DelegationEndpoint {

	static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

	/** How long a token without {@code expires_in} is taken to live. */
	static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

	private final OutboundHttp http;

	private final JsonMapper json;

	private final Clock clock;

	public HttpExternalTokenEndpoint(OutboundHttp http, JsonMapper json, Clock clock) {
		if (http == null) {
			throw new IllegalArgumentException("http cannot be null");
		}
		if (json == null) {
			throw new IllegalArgumentException("json cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.http = http;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public ExternalToken clientCredentials(Integration integration, String clientSecret, Set<String> scopes)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		if (!scopes.isEmpty()) {
			form.put("scope", String.join(" ", new TreeSet<>(scopes)));
		}
		if (integration.audience() != null) {
			form.put("audience", integration.audience());
		}
		return post(integration, clientSecret, form, scopes).accessToken();
	}

	@Override
	public ExternalGrant authorizationCode(Integration integration, String clientSecret, String code, URI redirectUri,
			String codeVerifier) throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", redirectUri.toString());
		form.put("code_verifier", codeVerifier);
		return post(integration, clientSecret, form, integration.scopes());
	}

	@Override
	public ExternalGrant refresh(Integration integration, String clientSecret, String refreshToken)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", refreshToken);
		return post(integration, clientSecret, form, integration.scopes());
	}

	/**
	 * Delegation at the provider: RFC 8693 token exchange ({@code subject_token} the
	 * upstream token, {@code audience} when the integration has one), or Entra's
	 * on-behalf-of shape (the JWT-bearer grant with the upstream token as
	 * {@code assertion} and {@code requested_token_use=on_behalf_of}). Scopes: those
	 * asked for, else the integration's.
	 */
	@Override
	public ExternalToken onBehalfOf(Integration integration, String clientSecret, String upstreamToken,
			Set<String> scopes) throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		if (integration.delegation() == null) {
			throw new IllegalArgumentException("integration must have a delegation mode");
		}
		Set<String> asked = scopes.isEmpty() ? integration.scopes() : scopes;
		Map<String, String> form = new LinkedHashMap<>();
		switch (integration.delegation()) {
			case TOKEN_EXCHANGE -> {
				form.put("grant_type", TOKEN_EXCHANGE);
				form.put("subject_token", upstreamToken);
				form.put("subject_token_type", ACCESS_TOKEN_TYPE);
				form.put("requested_token_type", ACCESS_TOKEN_TYPE);
				if (integration.audience() != null) {
					form.put("audience", integration.audience());
				}
			}
			case JWT_BEARER_OBO -> {
				form.put("grant_type", JWT_BEARER);
				form.put("assertion", upstreamToken);
				form.put("requested_token_use", "on_behalf_of");
			}
		}
		if (!asked.isEmpty()) {
			form.put("scope", String.join(" ", new TreeSet<>(asked)));
		}
		return post(integration, clientSecret, form, asked).accessToken();
	}

	/**
	 * One grant against the token endpoint; {@code assumedScopes} when the answer names
	 * none.
	 */
	private ExternalGrant post(Integration integration, String clientSecret, Map<String, String> form,
			Set<String> assumedScopes) throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		Map<String, String> headers = Map.of("Accept", "application/json", "Authorization",
				OAuthForms.basic(integration.clientId(), clientSecret));
		Instant sent = this.clock.instant();
		OutboundHttp.Response response = send(integration, headers, OAuthForms.form(form));
		int status = response.status();
		if (status >= 500 || status == 408 || status == 429) {
			throw new ExternalServiceUnavailableException(
					"Token endpoint of integration " + integration.integrationId() + " answered HTTP " + status);
		}
		JsonNode body = parse(response.body());
		if (status < 200 || status >= 300) {
			String error = (body != null && body.hasNonNull("error")) ? body.get("error").asString() : null;
			throw new ExternalServiceRefusedException(error, status, "Token endpoint of integration "
					+ integration.integrationId() + " answered HTTP " + status + ((error != null) ? " " + error : ""));
		}
		if (body == null || !body.hasNonNull("access_token") || body.get("access_token").asString().isEmpty()) {
			throw new ExternalServiceRefusedException(null, status, "Token endpoint of integration "
					+ integration.integrationId() + " answered without an access_token");
		}
		Duration lifetime = (body.hasNonNull("expires_in") && body.get("expires_in").asLong() > 0)
				? Duration.ofSeconds(body.get("expires_in").asLong()) : DEFAULT_LIFETIME;
		Set<String> granted = body.hasNonNull("scope") ? Arrays.stream(body.get("scope").asString().split(" "))
			.filter((s) -> !s.isEmpty())
			.collect(Collectors.toSet()) : assumedScopes;
		String refreshToken = body.hasNonNull("refresh_token") ? body.get("refresh_token").asString() : null;
		return new ExternalGrant(new ExternalToken(body.get("access_token").asString(), sent.plus(lifetime), granted),
				refreshToken);
	}

	private OutboundHttp.Response send(Integration integration, Map<String, String> headers, String form)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		try {
			return this.http.postForm(integration.tokenEndpoint(), headers, form);
		}
		catch (RefusedAddressException ex) {
			throw new ExternalServiceRefusedException(null, 0, "The token endpoint of integration "
					+ integration.integrationId() + " resolves to an address that is not allowed");
		}
		catch (IOException ex) {
			throw new ExternalServiceUnavailableException("Token endpoint of integration " + integration.integrationId()
					+ " unreachable: " + ex.getClass().getSimpleName(), ex);
		}
	}

	private JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
