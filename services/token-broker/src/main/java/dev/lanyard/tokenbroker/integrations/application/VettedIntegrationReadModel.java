package dev.lanyard.tokenbroker.integrations.application;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.outbound.EndpointRule;
import dev.lanyard.tokenbroker.integrations.domain.Integration;

/**
 * The integration read model behind integration-registry's endpoint rule, applied by
 * token-broker itself rather than trusted from the event: a snapshot whose token or
 * authorization endpoint breaks it is refused (the listener dead-letters it, the earlier
 * snapshot stays), and one stored before the rule held is not handed to a caller, so no
 * client secret goes there. Whoever can write the integration topic cannot choose where
 * client secrets are sent.
 */
public final class VettedIntegrationReadModel implements IntegrationReadModel {

	private static final Logger log = LoggerFactory.getLogger(VettedIntegrationReadModel.class);

	private final IntegrationReadModel stored;

	private final EndpointRule rule;

	public VettedIntegrationReadModel(IntegrationReadModel stored, EndpointRule rule) {
		if (stored == null) {
			throw new IllegalArgumentException("stored cannot be null");
		}
		if (rule == null) {
			throw new IllegalArgumentException("rule cannot be null");
		}
		this.stored = stored;
		this.rule = rule;
	}

	/**
	 * @throws IllegalArgumentException when an endpoint breaks the rule (a deletion is
	 * always applied)
	 */
	@Override
	public boolean apply(Integration integration) {
		if (integration == null) {
			throw new IllegalArgumentException("integration cannot be null");
		}
		if (!integration.deleted()) {
			refusal(integration).ifPresent((reason) -> {
				log.warn("Integration {} snapshot refused: its {}", integration.integrationId(), reason);
				throw new IllegalArgumentException(reason);
			});
		}
		return this.stored.apply(integration);
	}

	@Override
	public void markDeleted(String integrationId, Instant at) {
		this.stored.markDeleted(integrationId, at);
	}

	@Override
	public Optional<Integration> find(String integrationId) {
		return this.stored.find(integrationId).filter(this::usable);
	}

	private boolean usable(Integration integration) {
		if (integration.deleted()) {
			return true;
		}
		Optional<String> refusal = refusal(integration);
		refusal.ifPresent((reason) -> log.warn("Integration {} not used: its {}", integration.integrationId(), reason));
		return refusal.isEmpty();
	}

	/** Why an endpoint may not be called; names the field, never the URL. */
	private Optional<String> refusal(Integration integration) {
		Optional<String> token = this.rule.refusal(integration.tokenEndpoint().toString())
			.map((reason) -> "tokenEndpoint " + reason);
		if (token.isPresent() || integration.authorizationEndpoint() == null) {
			return token;
		}
		return this.rule.refusal(integration.authorizationEndpoint().toString())
			.map((reason) -> "authorizationEndpoint " + reason);
	}

}
