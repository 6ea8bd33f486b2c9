package dev.lanyard.integrations.integration.application;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.integrations.integration.domain.ClientSecret;
import dev.lanyard.integrations.integration.domain.EndpointPolicy;
import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.IntegrationSettings;
import dev.lanyard.integrations.integration.domain.InvalidFieldException;
import dev.lanyard.integrations.secrets.application.SecretCipher;
import dev.lanyard.integrations.templates.domain.IntegrationKind;

/**
 * Checks an integration against its external service: a service account runs the
 * client-credentials grant, a viewer integration checks that both endpoints answer.
 * Endpoints are checked against the policy again first, as DNS may have changed since the
 * integration was saved (an answer naming the field); the probe then resolves once more
 * and connects only to the addresses that lookup vetted, so a name rebound between the
 * two still cannot lead the call inside.
 */
public final class TestIntegrationConnection {

	private static final Logger log = LoggerFactory.getLogger(TestIntegrationConnection.class);

	private final IntegrationStore store;

	private final SecretCipher cipher;

	private final EndpointPolicy endpoints;

	private final ConnectionProbe probe;

	private final FederationProbe federation;

	public TestIntegrationConnection(IntegrationStore store, SecretCipher cipher, EndpointPolicy endpoints,
			ConnectionProbe probe, FederationProbe federation) {
		if (store == null || cipher == null || endpoints == null || probe == null || federation == null) {
			throw new IllegalArgumentException("store, cipher, endpoints, probe and federation cannot be null");
		}
		this.federation = federation;
		this.store = store;
		this.cipher = cipher;
		this.endpoints = endpoints;
		this.probe = probe;
	}

	/**
	 * What the test found.
	 *
	 * @param integrationId the integration
	 * @param kind its kind
	 * @param ok whether every check passed
	 * @param checks each check's outcome
	 */
	public record ConnectionTestResult(UUID integrationId, String kind, boolean ok, List<ProbeOutcome> checks) {

		public ConnectionTestResult {
			checks = List.copyOf(checks);
		}

	}

	public ConnectionTestResult test(UUID id, String actorId) {
		Integration integration = this.store.find(id).orElseThrow(() -> IntegrationNotFoundException.of(id));
		IntegrationSettings settings = integration.settings();
		if (settings.kind().isFederation()) {
			return report(id, settings, this.federation.check(settings.federation()), actorId);
		}
		ClientSecret secret = this.store.secretOf(id)
			.map((stored) -> new ClientSecret(this.cipher.open(id, stored.sealed())))
			.orElse(null);
		List<ProbeOutcome> checks = new ArrayList<>();
		if (settings.kind() == IntegrationKind.SERVICE_ACCOUNT) {
			URI token = allowed("client-credentials", "tokenEndpoint", settings.tokenEndpoint(), checks);
			if (token != null) {
				checks.add(this.probe.clientCredentials(token, settings.clientId(), secret, settings.scopes(),
						settings.audience()));
			}
		}
		else {
			URI authorization = allowed("authorization-endpoint", "authorizationEndpoint",
					settings.authorizationEndpoint(), checks);
			if (authorization != null) {
				checks.add(this.probe.authorizationEndpoint(authorization, settings.clientId()));
			}
			URI token = allowed("token-endpoint", "tokenEndpoint", settings.tokenEndpoint(), checks);
			if (token != null) {
				checks.add(this.probe.tokenEndpoint(token, settings.clientId(), secret));
			}
		}
		return report(id, settings, checks, actorId);
	}

	private ConnectionTestResult report(UUID id, IntegrationSettings settings, List<ProbeOutcome> checks,
			String actorId) {
		boolean ok = checks.stream().allMatch(ProbeOutcome::ok);
		log.info("Tested integration {}: {} ({}) (actor {})", id, ok ? "ok" : "failed",
				String.join(", ", checks.stream().map((c) -> c.check() + "=" + (c.ok() ? "ok" : c.error())).toList()),
				actorId);
		return new ConnectionTestResult(id, settings.kind().value(), ok, checks);
	}

	private URI allowed(String check, String field, String url, List<ProbeOutcome> checks) {
		try {
			return this.endpoints.check(field, url);
		}
		catch (InvalidFieldException ex) {
			checks.add(ProbeOutcome.failed(check, null, "endpoint_refused", ex.getMessage(), 0));
			return null;
		}
	}

}
