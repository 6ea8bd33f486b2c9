package dev.lanyard.testing.infrastructure;

import dev.lanyard.launcher.Infrastructure;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a service under test at {@link Infrastructure#shared()}: the real Kafka broker,
 * Apicurio Registry and PostgreSQL that every service test in the JVM shares.
 */
public final class SharedInfrastructure {

	private SharedInfrastructure() {
	}

	/**
	 * Registers the Kafka, registry and datasource settings every service reads.
	 * @param registry the test's dynamic properties
	 * @param database the service's own database (e.g. {@code token_broker})
	 * @return the shared infrastructure, started, for the test's other settings
	 */
	public static Infrastructure register(DynamicPropertyRegistry registry, String database) {
		if (registry == null) {
			throw new IllegalArgumentException("registry cannot be null");
		}
		if (database == null || database.isBlank()) {
			throw new IllegalArgumentException("database cannot be blank");
		}
		Infrastructure infrastructure = Infrastructure.shared();
		registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
		registry.add("lanyard.registry.url", infrastructure::registryUrl);
		registry.add("spring.datasource.url", () -> infrastructure.jdbcUrl(database));
		registry.add("spring.datasource.username", infrastructure::databaseUser);
		registry.add("spring.datasource.password", infrastructure::databasePassword);
		return infrastructure;
	}

}
