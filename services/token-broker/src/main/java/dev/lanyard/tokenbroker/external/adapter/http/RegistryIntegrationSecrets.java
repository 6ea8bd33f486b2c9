package dev.lanyard.tokenbroker.external.adapter.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.IntegrationSecrets;
import dev.lanyard.tokenbroker.external.application.IssueInternalServiceToken;

/**
 * Client secrets from integration-registry's internal endpoint {@code GET
 * /internal/integrations/{id}/client-secret}, answered as
 * {@code {"integrationId","secretVersion","clientSecret"}}, authenticated with a
 * 60-second internal-service token (recorded in the audit trail first). Kept in memory
 * per integration and secret version, so a rotation (a new version in IntegrationChanged)
 * fetches the new secret once. The secret is never logged.
 */
public final class RegistryIntegrationSecrets implements IntegrationSecrets {

	/** The audience of the tokens presented to integration-registry. */
	public static final String AUDIENCE = "integration-registry";

	private static final Logger log = LoggerFactory.getLogger(RegistryIntegrationSecrets.class);

	private final URI registryUrl;

	private final HttpClient http;

	private final JsonMapper json;

	private final Duration timeout;

	private final IssueInternalServiceToken internalTokens;

	private final Retry retry;

	private final Cache<Key, String> secrets = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterAccess(Duration.ofHours(12))
		.build();

	public RegistryIntegrationSecrets(URI registryUrl, HttpClient http, JsonMapper json, Duration timeout,
			IssueInternalServiceToken internalTokens, Retry retry) {
		if (registryUrl == null) {
			throw new IllegalArgumentException("registryUrl cannot be null");
		}
		if (http == null) {
			throw new IllegalArgumentException("http cannot be null");
		}
		if (json == null) {
			throw new IllegalArgumentException("json cannot be null");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		if (internalTokens == null) {
			throw new IllegalArgumentException("internalTokens cannot be null");
		}
		if (retry == null) {
			throw new IllegalArgumentException("retry cannot be null");
		}
		String base = registryUrl.toString();
		this.registryUrl = URI.create(base.endsWith("/") ? base : base + "/");
		this.http = http;
		this.json = json;
		this.timeout = timeout;
		this.internalTokens = internalTokens;
		this.retry = retry;
	}

	@Override
	public String clientSecret(String integrationId, long secretVersion)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		String cached = this.secrets.getIfPresent(new Key(integrationId, secretVersion));
		if (cached != null) {
			return cached;
		}
		Fetched fetched;
		try {
			fetched = this.retry.executeCallable(() -> fetch(integrationId));
		}
		catch (ExternalServiceUnavailableException | ExternalServiceRefusedException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ExternalServiceUnavailableException(
					"Fetching the client secret of integration " + integrationId + " failed", ex);
		}
		if (fetched.secretVersion() < secretVersion) {
			throw new ExternalServiceUnavailableException(
					"integration-registry holds secret version " + fetched.secretVersion() + " of integration "
							+ integrationId + ", " + secretVersion + " expected");
		}
		this.secrets.put(new Key(integrationId, fetched.secretVersion()), fetched.secret());
		log.info("Fetched client secret version {} of integration {} from integration-registry",
				fetched.secretVersion(), integrationId);
		return fetched.secret();
	}

	private Fetched fetch(String integrationId)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		String bearer = this.internalTokens.issue(AUDIENCE, Ids.uuidString());
		URI uri = this.registryUrl.resolve("internal/integrations/"
				+ URLEncoder.encode(integrationId, StandardCharsets.UTF_8).replace("+", "%20") + "/client-secret");
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + bearer)
			.GET()
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new ExternalServiceUnavailableException(
					"integration-registry unreachable: " + ex.getClass().getSimpleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ExternalServiceUnavailableException("Interrupted calling integration-registry", ex);
		}
		int status = response.statusCode();
		if (status == 404) {
			throw new ExternalServiceRefusedException(null, status,
					"integration-registry holds no client secret for integration " + integrationId);
		}
		if (status < 200 || status >= 300) {
			// 401/403 mean the two services disagree on keys or roles: not the caller's
			// fault
			throw new ExternalServiceUnavailableException(
					"integration-registry answered HTTP " + status + " for the secret of integration " + integrationId);
		}
		try {
			JsonNode body = this.json.readTree(response.body());
			if (body == null || !body.hasNonNull("clientSecret") || !body.hasNonNull("secretVersion")) {
				throw new ExternalServiceUnavailableException(
						"integration-registry's answer lacks clientSecret or secretVersion");
			}
			return new Fetched(body.get("secretVersion").asLong(), body.get("clientSecret").asString());
		}
		catch (JacksonException ex) {
			throw new ExternalServiceUnavailableException("integration-registry's answer is not JSON");
		}
	}

	private record Key(String integrationId, long secretVersion) {

	}

	private record Fetched(long secretVersion, String secret) {

		@Override
		public String toString() {
			return "Fetched[secretVersion=" + this.secretVersion + ", secret=<redacted>]";
		}

	}

}
