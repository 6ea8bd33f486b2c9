package dev.lanyard.testing.infrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every service test reaches for: the port the service listens on and its own
 * database. The subclass declares {@link SpringBootTest @SpringBootTest} with a random
 * port and its settings, and registers {@link SharedInfrastructure} in a
 * {@code @DynamicPropertySource}.
 */
public abstract class ServiceUnderTest {

	/** The service's port on 127.0.0.1. */
	@LocalServerPort
	protected int port;

	/** The service's own database, for checks behind its API. */
	@Autowired
	protected JdbcTemplate jdbc;

}
