package dev.lanyard.tokenbroker.federation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.tokenbroker.federation.application.FederationTrusts;
import dev.lanyard.tokenbroker.federation.domain.FederationTrust;

/** Trust rules in memory, for unit tests. */
public final class InMemoryFederationTrusts implements FederationTrusts {

	private final Map<String, FederationTrust> rules = new ConcurrentHashMap<>();

	public InMemoryFederationTrusts with(FederationTrust... trusts) {
		for (FederationTrust trust : trusts) {
			apply(trust);
		}
		return this;
	}

	@Override
	public void apply(FederationTrust trust) {
		this.rules.put(trust.integrationId(), trust);
	}

	@Override
	public void remove(String integrationId, Instant at) {
		this.rules.remove(integrationId);
	}

	@Override
	public List<FederationTrust> byIssuer(String issuer) {
		return this.rules.values().stream().filter((rule) -> rule.issuer().equals(issuer)).toList();
	}

}
