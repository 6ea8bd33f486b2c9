package dev.lanyard.k8s;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;

import static dev.lanyard.platform.kafka.Topics.CREDENTIAL_DENIED;
import static dev.lanyard.platform.kafka.Topics.GROUP_MEMBERSHIP_CHANGED;
import static dev.lanyard.platform.kafka.Topics.INTEGRATION_CHANGED;
import static dev.lanyard.platform.kafka.Topics.SCIM_CLIENT_CHANGED;
import static dev.lanyard.platform.kafka.Topics.TOKEN_ISSUED;
import static dev.lanyard.platform.kafka.Topics.TOKEN_REVOKED;
import static dev.lanyard.platform.kafka.Topics.USER_CHANGED;
import static dev.lanyard.platform.kafka.Topics.USER_DEACTIVATED;
import static dev.lanyard.platform.kafka.Topics.USER_LOGGED_IN;
import static dev.lanyard.platform.kafka.Topics.USER_LOGIN_REFUSED;
import static dev.lanyard.platform.kafka.Topics.USER_SIGNED_OUT;

/**
 * Who produces and who consumes each topic of {@link Topics}, as the services' code does
 * (publishers in their messaging adapters, readers in their {@code @KafkaListener}s), and
 * the ACLs that follows from it. A topic added to {@link Topics} without an owner here
 * makes the check fail.
 */
final class KafkaAccess {

	/** The one service that publishes each topic. */
	static final Map<String, String> PRODUCER = Map.ofEntries(Map.entry(TOKEN_ISSUED.name(), "token-broker"),
			Map.entry(TOKEN_REVOKED.name(), "token-broker"), Map.entry(CREDENTIAL_DENIED.name(), "token-broker"),
			Map.entry(USER_LOGGED_IN.name(), "auth-gateway"), Map.entry(USER_SIGNED_OUT.name(), "auth-gateway"),
			Map.entry(USER_CHANGED.name(), "user-provisioning"),
			Map.entry(GROUP_MEMBERSHIP_CHANGED.name(), "user-provisioning"),
			Map.entry(USER_DEACTIVATED.name(), "user-provisioning"),
			Map.entry(USER_LOGIN_REFUSED.name(), "user-provisioning"),
			Map.entry(SCIM_CLIENT_CHANGED.name(), "user-provisioning"),
			Map.entry(INTEGRATION_CHANGED.name(), "integration-registry"));

	/** What each service reads (audit: everything). */
	static final Map<String, List<Topic<?>>> CONSUMES = Map.of("auth-gateway",
			List.of(USER_CHANGED, USER_LOGIN_REFUSED, GROUP_MEMBERSHIP_CHANGED, USER_DEACTIVATED), "token-broker",
			List.of(USER_CHANGED, USER_DEACTIVATED, USER_SIGNED_OUT, USER_LOGGED_IN, INTEGRATION_CHANGED),
			"user-provisioning", List.of(USER_LOGGED_IN), "audit", Topics.ALL);

	/**
	 * Each consumer's group: auth-gateway gives every instance its own
	 * ({@code auth-gateway-<uuid>}, each keeps a whole read model), hence a prefix.
	 */
	static final Map<String, String> GROUP = Map.of("auth-gateway", "group:prefix:auth-gateway-", "token-broker",
			"group:literal:token-broker", "user-provisioning", "group:literal:user-provisioning", "audit",
			"group:literal:audit");

	private KafkaAccess() {
	}

	/** Topics of {@link Topics#ALL} nobody is declared to publish. */
	static Set<String> ownerless() {
		return ownerless(Topics.ALL, PRODUCER);
	}

	static Set<String> ownerless(List<Topic<?>> topics, Map<String, String> producers) {
		Set<String> ownerless = new TreeSet<>();
		topics.stream().map(Topic::name).filter((name) -> !producers.containsKey(name)).forEach(ownerless::add);
		return ownerless;
	}

	/**
	 * The ACLs a service needs, each as {@code type:patternType:name:Operation}: write
	 * what it owns, read what it consumes with its group, and write dead letters when it
	 * consumes.
	 */
	static Set<String> acls(String service) {
		Set<String> acls = new TreeSet<>();
		PRODUCER.forEach((topic, producer) -> {
			if (producer.equals(service)) {
				produce(topic, acls);
			}
		});
		List<Topic<?>> consumed = CONSUMES.getOrDefault(service, List.of());
		for (Topic<?> topic : consumed) {
			acls.add("topic:literal:" + topic.name() + ":Read");
			acls.add("topic:literal:" + topic.name() + ":Describe");
		}
		if (!consumed.isEmpty()) {
			produce(Topics.DEAD_LETTER, acls);
			acls.add(GROUP.get(service) + ":Read");
		}
		return acls;
	}

	private static void produce(String topic, Set<String> acls) {
		acls.add("topic:literal:" + topic + ":Write");
		acls.add("topic:literal:" + topic + ":Describe");
	}

}
