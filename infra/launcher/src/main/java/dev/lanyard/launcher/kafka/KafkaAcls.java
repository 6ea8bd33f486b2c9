package dev.lanyard.launcher.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import dev.lanyard.platform.kafka.KafkaAccess;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;

/**
 * The ACLs of one service, from its {@link KafkaAccess}: WRITE on the topics it owns
 * (enough for the idempotent producer since Kafka 3.2, KIP-679), READ on the topics it
 * consumes, READ on consumer groups starting with its name, WRITE on the dead-letter
 * topic when it consumes. Nothing else is allowed: the broker denies what no ACL allows.
 */
public final class KafkaAcls {

	private KafkaAcls() {
	}

	public static List<AclBinding> of(KafkaAccess access) {
		if (access == null) {
			throw new IllegalArgumentException("access cannot be null");
		}
		String principal = "User:" + access.principal();
		List<AclBinding> bindings = new ArrayList<>();
		for (Topic<?> topic : access.produces()) {
			bindings.add(allow(principal, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.WRITE));
		}
		for (Topic<?> topic : access.reads()) {
			bindings.add(allow(principal, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.READ));
		}
		if (!access.reads().isEmpty()) {
			bindings.add(allow(principal, ResourceType.GROUP, access.consumerGroupPrefix(), PatternType.PREFIXED,
					AclOperation.READ));
		}
		if (access.writesDeadLetters()) {
			bindings
				.add(allow(principal, ResourceType.TOPIC, Topics.DEAD_LETTER, PatternType.LITERAL, AclOperation.WRITE));
		}
		return bindings;
	}

	private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
			AclOperation operation) {
		return new AclBinding(new ResourcePattern(type, name, pattern),
				new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
	}

}
