package dev.lanyard.launcher.kafka;

import java.util.List;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import dev.lanyard.platform.kafka.KafkaAccesses;
import dev.lanyard.platform.kafka.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaAclsTest {

	@Test
	void ofWhenIntegrationRegistryThenWritesOnlyIntegrationChangedAndReadsNothing() {
		List<AclBinding> acls = KafkaAcls.of(KafkaAccesses.INTEGRATION_REGISTRY);
		assertThat(acls).singleElement().satisfies((acl) -> {
			assertThat(acl.pattern().name()).isEqualTo(Topics.INTEGRATION_CHANGED.name());
			assertThat(acl.entry().operation()).isEqualTo(AclOperation.WRITE);
			assertThat(acl.entry().principal()).isEqualTo("User:integration-registry");
		});
	}

	@Test
	void ofWhenTokenBrokerThenNeverWritesIdentityOrIntegrationTopics() {
		List<String> written = KafkaAcls.of(KafkaAccesses.TOKEN_BROKER)
			.stream()
			.filter((acl) -> acl.entry().operation() == AclOperation.WRITE)
			.map((acl) -> acl.pattern().name())
			.toList();
		assertThat(written).containsExactlyInAnyOrder(Topics.TOKEN_ISSUED.name(), Topics.TOKEN_REVOKED.name(),
				Topics.CREDENTIAL_DENIED.name(), Topics.DEAD_LETTER);
	}

	@Test
	void ofWhenServiceConsumesThenGroupsPrefixedWithItsName() {
		assertThat(KafkaAcls.of(KafkaAccesses.AUTH_GATEWAY))
			.filteredOn((acl) -> acl.pattern().resourceType() == ResourceType.GROUP)
			.singleElement()
			.satisfies((acl) -> {
				assertThat(acl.pattern().name()).isEqualTo("auth-gateway");
				assertThat(acl.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
			});
	}

	@Test
	void ofWhenAccessNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaAcls.of(null)).withMessage("access cannot be null");
	}

	@Test
	void applyWhenAdminOrCredentialsNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaSecurity.apply(null, null))
			.withMessage("admin and credentials cannot be null");
	}

}
