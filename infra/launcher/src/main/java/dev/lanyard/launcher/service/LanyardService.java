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
