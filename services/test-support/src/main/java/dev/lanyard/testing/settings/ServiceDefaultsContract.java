package dev.lanyard.testing.settings;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's {@code application.yml} promises out of the box: loopback at its
 * own port, its own database, health that shows components but no details, and no
 * actuator endpoint beyond health and prometheus. A service's
 * {@code ApplicationSettingsTest} extends this with its port and database, and checks its
 * own keys through {@link #settings()}.
 */
public abstract class ServiceDefaultsContract {

	private final PropertySource<?> settings = load();

	private final int port;

	private final String database;

	protected ServiceDefaultsContract(int port, String database) {
		this.port = port;
		this.database = database;
	}

	/** The service's {@code application.yml}, as shipped. */
	protected final PropertySource<?> settings() {
		return this.settings;
	}

	@Test
	public void defaultsWhenNothingOverriddenThenListensOnLoopbackAtItsPort() {
		assertThat(this.settings.getProperty("server.address")).hasToString("127.0.0.1");
		assertThat(this.settings.getProperty("server.port")).hasToString(String.valueOf(this.port));
	}

	@Test
	public void defaultsWhenNothingOverriddenThenUsesItsOwnDatabase() {
		assertThat(this.settings.getProperty("spring.datasource.url")).asString().endsWith("/" + this.database);
	}

	@Test
	public void defaultsWhenNothingOverriddenThenHealthShowsComponentsButNoDetails() {
		assertThat(this.settings.getProperty("management.endpoint.health.show-components")).hasToString("always");
		assertThat(this.settings.getProperty("management.endpoint.health.show-details")).isNull();
		assertThat(this.settings.getProperty("management.endpoints.web.exposure.include"))
			.hasToString("health,prometheus");
	}

	private static PropertySource<?> load() {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
					new ClassPathResource("application.yml"));
			return sources.getFirst();
		}
		catch (IOException ex) {
			throw new IllegalStateException("application.yml cannot be read", ex);
		}
	}

}
