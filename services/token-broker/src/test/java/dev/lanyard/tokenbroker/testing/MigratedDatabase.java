package dev.lanyard.tokenbroker.testing;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import dev.lanyard.launcher.Infrastructure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own on the shared real PostgreSQL, with token-broker's Flyway
 * migrations applied: for tests of the JDBC adapters that write rows the service never
 * would, away from the database the service tests run against.
 */
public final class MigratedDatabase {

	private MigratedDatabase() {
	}

	public static JdbcClient create(String name) {
		Infrastructure infrastructure = Infrastructure.shared();
		DataSource dataSource = new DriverManagerDataSource(infrastructure.jdbcUrl(name), infrastructure.databaseUser(),
				infrastructure.databasePassword());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return JdbcClient.create(dataSource);
	}

}
