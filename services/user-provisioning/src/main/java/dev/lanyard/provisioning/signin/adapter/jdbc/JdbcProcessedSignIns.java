package dev.lanyard.provisioning.signin.adapter.jdbc;

import java.time.Instant;
import java.util.UUID;

import dev.lanyard.provisioning.signin.application.ProcessedSignIns;
import dev.lanyard.provisioning.shared.adapter.JdbcTimes;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ProcessedSignIns} in the table {@code processed_login_events}. */
public final class JdbcProcessedSignIns implements ProcessedSignIns {

	private final JdbcClient jdbc;

	public JdbcProcessedSignIns(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public boolean markProcessed(UUID loginEventId, Instant at) {
		// A concurrent duplicate waits here on the primary key until the first commits.
		return this.jdbc
			.sql("INSERT INTO processed_login_events (event_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(loginEventId, JdbcTimes.toDb(at))
			.update() == 1;
	}

}
