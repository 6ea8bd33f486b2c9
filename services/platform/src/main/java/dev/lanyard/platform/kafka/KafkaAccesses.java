package dev.lanyard.platform.kafka;

import java.util.List;

/**
 * Each service's {@link KafkaAccess}: who publishes and who reads which topic, as the
 * services' producers and listeners do.
 */
public final class KafkaAccesses {

	public static final KafkaAccess TOKEN_BROKER = new KafkaAccess("token-broker",
			List.of(Topics.TOKEN_ISSUED, Topics.TOKEN_REVOKED, Topics.CREDENTIAL_DENIED),
			List.of(Topics.USER_CHANGED, Topics.USER_DEACTIVATED, Topics.USER_SIGNED_OUT, Topics.USER_LOGGED_IN,
					Topics.INTEGRATION_CHANGED));

	public static final KafkaAccess AUTH_GATEWAY = new KafkaAccess("auth-gateway",
			List.of(Topics.USER_LOGGED_IN, Topics.USER_SIGNED_OUT), List.of(Topics.USER_CHANGED,
					Topics.USER_LOGIN_REFUSED, Topics.GROUP_MEMBERSHIP_CHANGED, Topics.USER_DEACTIVATED));

	public static final KafkaAccess USER_PROVISIONING = new KafkaAccess("user-provisioning",
			List.of(Topics.USER_CHANGED, Topics.GROUP_MEMBERSHIP_CHANGED, Topics.USER_DEACTIVATED,
					Topics.USER_LOGIN_REFUSED, Topics.SCIM_CLIENT_CHANGED),
			List.of(Topics.USER_LOGGED_IN));

	public static final KafkaAccess INTEGRATION_REGISTRY = new KafkaAccess("integration-registry",
			List.of(Topics.INTEGRATION_CHANGED), List.of());

	public static final KafkaAccess AUDIT = new KafkaAccess("audit", List.of(), Topics.ALL);

	public static final List<KafkaAccess> ALL = List.of(TOKEN_BROKER, AUTH_GATEWAY, USER_PROVISIONING,
			INTEGRATION_REGISTRY, AUDIT);

	private KafkaAccesses() {
	}

	/** The access of the service named {@code principal}. */
	public static KafkaAccess of(String principal) {
		return ALL.stream()
			.filter((access) -> access.principal().equals(principal))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No Kafka access is declared for " + principal));
	}

}
