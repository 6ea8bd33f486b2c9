package dev.lanyard.tokenbroker.readmodels.adapter.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.FederationTrust;
import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.events.SubjectRule;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.kafka.consumer.ReadEvent;
import dev.lanyard.tokenbroker.federation.InMemoryFederationTrusts;
import dev.lanyard.tokenbroker.federation.domain.FederationKind;
import dev.lanyard.tokenbroker.federation.domain.UserField;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.application.UpdateIntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.sessions.application.SignIns;
import dev.lanyard.tokenbroker.users.application.InMemoryUserReadModel;
import dev.lanyard.tokenbroker.users.application.UpdateUserReadModel;
import dev.lanyard.tokenbroker.users.application.UserArrivals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Federation integrations reach the federation read model, not the integration one.
 * Before, every IntegrationChanged went through the Integration mapping, which refuses a
 * federation event (unknown kind, empty client id): the record was dead-lettered and no
 * rule kept.
 */
class ReadModelEventListenerTest {

	private static final EndedSessions ENDED = new EndedSessions() {

		@Override
		public void end(String sessionId, String userId, Instant endedAt) {
		}

		@Override
		public boolean ended(String sessionId) {
			return false;
		}

	};

	private static final SignIns SIGN_INS = new SignIns() {

		@Override
		public void announced(UUID loginEventId, String sessionId, Instant at) {
		}

		@Override
		public void answered(UUID answerEventId, String userId, Instant at) {
		}

		@Override
		public boolean confirms(UUID loginEventId, String sessionId, String userId, Instant notBefore) {
			return false;
		}

	};

	private final InMemoryFederationTrusts federations = new InMemoryFederationTrusts();

	private final java.util.List<String> removedIntegrations = new java.util.ArrayList<>();

	private final ReadModelEventListener listener = new ReadModelEventListener(
			new UpdateUserReadModel(new InMemoryUserReadModel(), new UserArrivals()),
			new UpdateIntegrationReadModel(integrations()), ENDED, SIGN_INS, Clock.systemUTC(), this.federations);

	@Test
	void integrationWhenFederationKindThenTheIntegrationMappingRefusesIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReadModelEvents.integration(federationEvent(false)))
			.withMessage("kind must be viewer or service-account");
	}

	@Test
	void onRecordWhenFederationIntegrationChangedThenTrustRuleKept() throws Exception {
		this.listener.onRecord(record(federationEvent(false)));
		assertThat(this.federations.byIssuer("https://ci.example.com")).singleElement().satisfies((rule) -> {
			assertThat(rule.integrationId()).isEqualTo("fed-1");
			assertThat(rule.kind()).isEqualTo(FederationKind.WORKLOAD);
			assertThat(rule.contentId()).isEqualTo("content-1");
			assertThat(rule.userField()).isEqualTo(UserField.UNIQUE_ID);
			assertThat(rule.requiredClaims()).containsEntry("repository", "acme/app");
			assertThat(rule.subjectRules()).hasSize(1);
			assertThat(rule.maxTokenAge()).hasSeconds(300);
		});
		assertThat(this.removedIntegrations).containsExactly("fed-1");
	}

	@Test
	void onRecordWhenFederationIntegrationDeletedThenTrustRuleGone() throws Exception {
		this.listener.onRecord(record(federationEvent(false)));
		this.listener.onRecord(record(federationEvent(true)));
		assertThat(this.federations.byIssuer("https://ci.example.com")).isEmpty();
	}

	private static IntegrationChanged federationEvent(boolean deleted) {
		return IntegrationChanged.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setCorrelationId("t")
			.setProducer("integration-registry")
			.setIntegrationId("fed-1")
			.setName("CI")
			.setTemplate("github-actions")
			.setKind("workload-federation")
			.setTokenEndpoint("https://ci.example.com")
			.setClientId("")
			.setSecretVersion(0)
			.setScopes(List.of())
			.setContentIds(List.of())
			.setDeleted(deleted)
			.setFederation(FederationTrust.newBuilder()
				.setIssuer("https://ci.example.com")
				.setJwksUri("https://ci.example.com/jwks")
				.setAudiences(List.of("lanyard"))
				.setAlgorithms(List.of("RS256"))
				.setMaxTokenAgeSeconds(300)
				.setClockSkewSeconds(60)
				.setRequiredClaims(Map.of("repository", "acme/app"))
				.setSubjectRules(List.of(SubjectRule.newBuilder().setType("prefix").setValue("repo:acme/").build()))
				.setContentId("content-1")
				.build())
			.build();
	}

	private static ConsumerRecord<String, ReadEvent<SpecificRecord>> record(IntegrationChanged event) {
		return new ConsumerRecord<>(Topics.INTEGRATION_CHANGED.name(), 0, 0, event.getIntegrationId(),
				new ReadEvent<>(event, new byte[0]));
	}

	private IntegrationReadModel integrations() {
		return new IntegrationReadModel() {

			@Override
			public boolean apply(Integration integration) {
				throw new AssertionError("a federation integration is no Integration");
			}

			@Override
			public void markDeleted(String integrationId, Instant at) {
				ReadModelEventListenerTest.this.removedIntegrations.add(integrationId);
			}

			@Override
			public java.util.Optional<Integration> find(String integrationId) {
				return java.util.Optional.empty();
			}

		};
	}

}
