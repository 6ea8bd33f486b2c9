package dev.lanyard.tokenbroker.federation.adapter.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.IssueInternalServiceToken;
import dev.lanyard.tokenbroker.federation.application.FederatedUserProvisioning;
import dev.lanyard.tokenbroker.federation.application.NewFederatedUser;

/**
 * user-provisioning's internal endpoint {@code POST /internal/federated-users},
 * authenticated with a 60-second internal-service token for the audience
 * {@code user-provisioning} (recorded in the audit trail first), under the token
 * request's correlation id. 201/200 → admitted, 422 → not admitted with its
 * {@code reason}, 400 → not admitted ({@code invalid-claims}); anything else (401/403
 * mean the services disagree on keys or roles, 409 a concurrent creation of the same
 * person) is retried, then unavailable. The call is idempotent on the identity, so a
 * retry finds the user the first attempt made.
 */
public final class ProvisioningFederatedUsers implements FederatedUserProvisioning {

	/** The audience of the tokens presented to user-provisioning. */
	public static final String AUDIENCE = "user-provisioning";

	private final URI endpoint;

	private final HttpClient http;

	private final JsonMapper json;

	private final Duration timeout;

	private final IssueInternalServiceToken internalTokens;

	private final Retry retry;

	public ProvisioningFederatedUsers(URI provisioningUrl, HttpClient http, JsonMapper json, Duration timeout,
			IssueInternalServiceToken internalTokens, Retry retry) {
		if (provisioningUrl == null || http == null || json == null) {
			throw new IllegalArgumentException("provisioningUrl, http and json cannot be null");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		if (internalTokens == null || retry == null) {
			throw new IllegalArgumentException("internalTokens and retry cannot be null");
		}
		String base = provisioningUrl.toString();
		this.endpoint = URI.create(base.endsWith("/") ? base : base + "/").resolve("internal/federated-users");
		this.http = http;
		this.json = json;
		this.timeout = timeout;
		this.internalTokens = internalTokens;
		this.retry = retry;
	}

	@Override
	public Admission admit(NewFederatedUser user, String correlationId) throws ExternalServiceUnavailableException {
		if (user == null || correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("user and correlationId cannot be null");
		}
		try {
			return this.retry.executeCallable(() -> call(user, correlationId));
		}
		catch (ExternalServiceUnavailableException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ExternalServiceUnavailableException("Calling user-provisioning failed", ex);
		}
	}

	private Admission call(NewFederatedUser user, String correlationId) throws ExternalServiceUnavailableException {
		String bearer = this.internalTokens.issue(AUDIENCE, correlationId);
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + bearer)
			.header("X-Correlation-Id", correlationId)
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body(user))))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new ExternalServiceUnavailableException(
					"user-provisioning unreachable: " + ex.getClass().getSimpleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ExternalServiceUnavailableException("Interrupted calling user-provisioning", ex);
		}
		int status = response.statusCode();
		if (status == 200 || status == 201) {
			JsonNode body = read(response.body());
			if (!body.hasNonNull("userId") || !body.hasNonNull("version")) {
				throw new ExternalServiceUnavailableException("user-provisioning's answer lacks userId or version");
			}
			return new Admission.Admitted(body.get("userId").asString(), body.get("version").asLong());
		}
		if (status == 400) {
			// claims user-provisioning will not store (e.g. too long): retrying cannot
			// help
			return new Admission.NotAdmitted("invalid-claims");
		}
		if (status == 422) {
			JsonNode body = read(response.body());
			return new Admission.NotAdmitted(body.hasNonNull("reason") ? body.get("reason").asString() : "unknown");
		}
		throw new ExternalServiceUnavailableException(
				"user-provisioning answered HTTP " + status + " for a federated user");
	}

	private JsonNode read(String body) throws ExternalServiceUnavailableException {
		try {
			JsonNode node = this.json.readTree(body);
			if (node == null || !node.isObject()) {
				throw new ExternalServiceUnavailableException("user-provisioning's answer is no JSON object");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new ExternalServiceUnavailableException("user-provisioning's answer is not JSON");
		}
	}

	private static Map<String, Object> body(NewFederatedUser user) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("issuer", user.issuer());
		body.put("uniqueId", user.uniqueId());
		body.put("username", user.username());
		body.put("email", user.email());
		body.put("firstName", user.firstName());
		body.put("lastName", user.lastName());
		body.put("groups", user.groups());
		return body;
	}

}
