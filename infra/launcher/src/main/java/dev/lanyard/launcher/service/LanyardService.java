package dev.lanyard.launcher.service;

import java.util.Arrays;

/** The five services, each with its own database. */
public enum LanyardService {

	AUTH_GATEWAY("auth-gateway"),

	TOKEN_BROKER("token-broker"),

	AUDIT("audit"),

	INTEGRATION_REGISTRY("integration-registry"),

	USER_PROVISIONING("user-provisioning");

	private final String serviceName;

	LanyardService(String serviceName) {
		this.serviceName = serviceName;
	}

	/** Its name: module folder, jar name and component name. */
	public String serviceName() {
		return this.serviceName;
	}

	/**
	 * Whether it serves a request path that must be fast (every token or sign-in passes
	 * through it) or stores every event (audit: with the client compiler alone its
	 * SHA-256 runs without the CPU's instructions and it could not keep up with the
	 * issuance rate): such a service gets the optimising JIT compiler; the others start
	 * faster and use less CPU with the client compiler only.
	 */
	public boolean onHotPath() {
		return this == AUTH_GATEWAY || this == TOKEN_BROKER || this == USER_PROVISIONING || this == AUDIT;
	}

	/**
	 * The component name of one of its instances: its name for the first,
	 * {@code <name>-<n>} for the n-th ({@code token-broker-2}).
	 */
	public String instanceName(int instance) {
		if (instance < 1) {
			throw new IllegalArgumentException("instance must be 1 or more: " + instance);
		}
		return (instance == 1) ? this.serviceName : this.serviceName + "-" + instance;
	}

	/** Its database: the name with underscores. */
	public String database() {
		return this.serviceName.replace('-', '_');
	}

	public static LanyardService of(String serviceName) {
		return Arrays.stream(values())
			.filter((service) -> service.serviceName.equals(serviceName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service named " + serviceName + "; the services are "
					+ String.join(", ", Arrays.stream(values()).map(LanyardService::serviceName).toList())));
	}

}
