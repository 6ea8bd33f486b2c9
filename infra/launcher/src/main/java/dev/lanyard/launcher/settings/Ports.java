package dev.lanyard.launcher.settings;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.lanyard.launcher.process.Waits;
import dev.lanyard.launcher.service.LanyardService;

/** The loopback ports of every component. */
public record Ports(int gateway, int tokenBroker, int audit, int integrationRegistry, int userProvisioning,
		int registry, int oidc, int kafka, int kafkaController, int postgres) {

	public Ports {
		Map<String, Integer> all = new LinkedHashMap<>();
		all.put("gateway", gateway);
		all.put("tokenBroker", tokenBroker);
		all.put("audit", audit);
		all.put("integrationRegistry", integrationRegistry);
		all.put("userProvisioning", userProvisioning);
		all.put("registry", registry);
		all.put("oidc", oidc);
		all.put("kafka", kafka);
		all.put("kafkaController", kafkaController);
		all.put("postgres", postgres);
		Set<Integer> seen = new HashSet<>();
		all.forEach((name, port) -> {
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException(name + " port must be between 1 and 65535: " + port);
			}
			if (!seen.add(port)) {
				throw new IllegalArgumentException(name + " port " + port + " is also used by another component");
			}
		});
	}

	/** The ports {@code bin/lanyard up} uses unless told otherwise. */
	public static Ports defaults() {
		return new Ports(8080, 8081, 8082, 8083, 8084, 8085, 8090, 9092, 9093, 15432);
	}

	/**
	 * Free loopback ports, so that a test ensemble does not collide with a running one.
	 */
	public static Ports free() {
		Set<Integer> taken = new HashSet<>();
		int[] ports = new int[10];
		for (int i = 0; i < ports.length; i++) {
			int port;
			do {
				port = Waits.freePort();
			}
			while (!taken.add(port));
			ports[i] = port;
		}
		return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8],
				ports[9]);
	}

	/**
	 * Kafka node {@code node}'s (from 1) client port: {@link #kafka()} for the first,
	 * then two ports up per node, so the defaults give 9092, 9094, 9096.
	 */
	public int kafka(int node) {
		return this.kafka + 2 * (checkedNode(node) - 1);
	}

	/** Kafka node {@code node}'s controller port: 9093, 9095, 9097 by default. */
	public int kafkaController(int node) {
		return this.kafkaController + 2 * (checkedNode(node) - 1);
	}

	private static int checkedNode(int node) {
		if (node < 1) {
			throw new IllegalArgumentException("node must be at least 1: " + node);
		}
		return node;
	}

	public int of(LanyardService service) {
		return switch (service) {
			case AUTH_GATEWAY -> this.gateway;
			case TOKEN_BROKER -> this.tokenBroker;
			case AUDIT -> this.audit;
			case INTEGRATION_REGISTRY -> this.integrationRegistry;
			case USER_PROVISIONING -> this.userProvisioning;
		};
	}

}
