package dev.lanyard.tokenbroker.federation.application;

import java.time.Instant;
import java.util.List;

import dev.lanyard.tokenbroker.federation.domain.FederationTrust;

/** The read model of federation trust rules, shared by every token-broker instance. */
public interface FederationTrusts {

	/** Stores the rule unless a later snapshot of it is stored. */
	void apply(FederationTrust trust);

	/** Removes the rule (the integration was deleted) unless a later snapshot exists. */
	void remove(String integrationId, Instant at);

	/** The rules whose issuer is exactly this one. */
	List<FederationTrust> byIssuer(String issuer);

}
