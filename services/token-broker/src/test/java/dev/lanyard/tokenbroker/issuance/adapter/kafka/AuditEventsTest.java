package dev.lanyard.tokenbroker.issuance.adapter.kafka;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.events.TokenRevoked;
import dev.lanyard.tokenbroker.issuance.TestDenials;
import dev.lanyard.tokenbroker.issuance.TestIssuances;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.Provenance;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.issuance.domain.TokenRevocation;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEventsTest {

	@Test
	void tokenIssuedThenEveryFieldMappedAndNoToken() {
		TokenIssuance issuance = TestIssuances.contentSession("c-42");

		TokenIssued event = AuditEvents.tokenIssued(issuance);

		assertThat(event.getEventId()).isEqualTo(issuance.eventId());
		assertThat(event.getProducer()).isEqualTo("token-broker");
		assertThat(event.getTokenSha256()).isEqualTo(issuance.tokenSha256());
		assertThat(event.getTokenId()).isEqualTo("jti-1");
		assertThat(event.getTokenType()).isEqualTo("content-session");
		assertThat(event.getSubjectType()).isEqualTo("content");
		assertThat(event.getContentId()).isEqualTo("c-42");
		assertThat(event.getGrantType()).isEqualTo("client_credentials");
		assertThat(event.getScopes()).containsExactly("read");
		assertThat(event.getAudience()).containsExactly("c-42");
		assertThat(event.getActorId()).isNull();
		assertThat(event.getExpiresAt()).isEqualTo(issuance.expiresAt());
	}

	@Test
	void tokenIssuedWhenProvenanceThenFederationBackendMappingAndActorChainMapped() {
		TokenIssuance federated = TestIssuances.contentSession("c-42")
			.withProvenance(Provenance.federated("https://ci.example", "repo:acme/app:ref:refs/heads/main"));
		TokenIssuance delegated = TestIssuances.contentSession("c-42")
			.withProvenance(Provenance.delegated(List.of("c-42", "gateway")));

		TokenIssued fromFederation = AuditEvents.tokenIssued(federated);
		TokenIssued fromDelegation = AuditEvents.tokenIssued(delegated);
		TokenIssued plain = AuditEvents.tokenIssued(TestIssuances.contentSession("c-42"));

		assertThat(fromFederation.getFederatedIssuer()).isEqualTo("https://ci.example");
		assertThat(fromFederation.getFederatedSubject()).isEqualTo("repo:acme/app:ref:refs/heads/main");
		assertThat(fromDelegation.getActorChain()).containsExactly("c-42", "gateway");
		assertThat(plain.getFederatedIssuer()).isNull();
		assertThat(plain.getOnBehalfOfUserId()).isNull();
		assertThat(plain.getActorChain()).isEmpty();
	}

	@Test
	void credentialDeniedThenEveryFieldMapped() {
		CredentialDenial denial = TestDenials.notAssociated("c-42");

		CredentialDenied event = AuditEvents.credentialDenied(denial);

		assertThat(event.getEventId()).isEqualTo(denial.eventId());
		assertThat(event.getOccurredAt()).isEqualTo(denial.occurredAt());
		assertThat(event.getCorrelationId()).isEqualTo("corr-1");
		assertThat(event.getProducer()).isEqualTo("token-broker");
		assertThat(event.getActorId()).isNull();
		assertThat(event.getSubjectId()).isEqualTo("c-42");
		assertThat(event.getSubjectType()).isEqualTo("content");
		assertThat(event.getContentId()).isEqualTo("c-42");
		assertThat(event.getIntegrationId()).isEqualTo("i-7");
		assertThat(event.getRequestedScopes()).containsExactly("read");
		assertThat(event.getGrantType()).isEqualTo("urn:ietf:params:oauth:grant-type:token-exchange");
		assertThat(event.getError()).isEqualTo("unauthorized_client");
		assertThat(event.getReason()).isEqualTo("not-associated");
	}

	@Test
	void tokenRevokedThenEveryFieldMapped() {
		TokenRevocation revocation = TokenRevocation.disconnected("u-1", "i-7", "corr-1",
				Instant.parse("2026-11-26T10:00:00Z"));

		TokenRevoked event = AuditEvents.tokenRevoked(revocation);

		assertThat(event.getEventId()).isEqualTo(revocation.eventId());
		assertThat(event.getOccurredAt()).isEqualTo(revocation.occurredAt());
		assertThat(event.getCorrelationId()).isEqualTo("corr-1");
		assertThat(event.getProducer()).isEqualTo("token-broker");
		assertThat(event.getActorId()).isEqualTo("u-1");
		assertThat(event.getSubjectId()).isEqualTo("u-1");
		assertThat(event.getSubjectType()).isEqualTo("user");
		assertThat(event.getTokenId()).isNull();
		assertThat(event.getTokenSha256()).isNull();
		assertThat(event.getIntegrationId()).isEqualTo("i-7");
		assertThat(event.getReason()).isEqualTo("disconnected");
	}

}
