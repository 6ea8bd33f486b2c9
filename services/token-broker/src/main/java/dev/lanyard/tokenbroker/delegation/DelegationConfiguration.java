package dev.lanyard.tokenbroker.delegation;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.jwt.TokenSigning;

import dev.lanyard.tokenbroker.delegation.adapter.oauth.JwtDelegatedTokenSigner;
import dev.lanyard.tokenbroker.delegation.application.IssueDelegatedToken;
import dev.lanyard.tokenbroker.issuance.application.DenialRecorder;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.users.application.UserReadModel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegated tokens: the use case behind a token exchange with an actor token. */
@Configuration(proxyBeanMethods = false)
class DelegationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DelegationConfiguration.class);

	@Bean
	IssueDelegatedToken issueDelegatedToken(DelegationProperties delegation, TokenSigning signing, UserReadModel users,
			IssuanceAuditTrail auditTrail, DenialRecorder denials, Clock clock) {
		if (delegation.audiences().isEmpty()) {
			log.info("lanyard.tokens.delegation.audiences is empty: token exchanges with an actor_token are refused");
		}
		return new IssueDelegatedToken(delegation.audienceValues(), delegation.maxLifetime(), users,
				new JwtDelegatedTokenSigner(signing), auditTrail, denials, clock);
	}

}
