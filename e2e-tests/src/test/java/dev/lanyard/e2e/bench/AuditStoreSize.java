package dev.lanyard.e2e.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.postgres.PostgresDatabases;
import dev.lanyard.launcher.service.LanyardService;

/**
 * How far audit got, read (only read) from its database: events in its log, and events
 * stored but still queued for the log. Their sum is the stored count, without counting
 * the whole table at every poll (the queue is filled in the transaction that stores).
 */
final class AuditStoreSize {

	private final String url;

	private final PostgresDatabases databases;

	AuditStoreSize(Ensemble ensemble) {
		this.databases = ensemble.endpoints().databases();
		this.url = ensemble.endpoints().jdbcUrl(LanyardService.AUDIT);
	}

	Size now() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url, this.databases.user(),
				this.databases.password());
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(
						"SELECT (SELECT tree_size FROM ledger_state), (SELECT count(*) FROM ledger_pending)")) {
			row.next();
			return new Size(row.getLong(1) + row.getLong(2), row.getLong(1));
		}
	}

	/**
	 * For events that occurred from {@code since} on: the time from their occurrence (the
	 * producer's clock, just before the send) to the start of the transaction that stored
	 * them (PostgreSQL's {@code now()}, same machine), p50 and p99 in milliseconds.
	 */
	double[] storedLagMillis(Instant since) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url, this.databases.user(),
				this.databases.password()); PreparedStatement statement = connection.prepareStatement("""
						SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY recorded_at - occurred_at),
						       percentile_disc(0.99) WITHIN GROUP (ORDER BY recorded_at - occurred_at)
						FROM audit_event WHERE occurred_at >= ?
						""")) {
			statement.setTimestamp(1, Timestamp.from(since));
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return new double[] { millis(row.getString(1)), millis(row.getString(2)) };
			}
		}
	}

	/**
	 * PostgreSQL's own floor for storing events: {@code rows} stored events copied, in
	 * one statement inside the server, into a scratch table with {@code audit_event}'s
	 * columns and every one of its indexes (no client, no parsing, no ledger queue); the
	 * table is dropped after.
	 * @return the rows copied (fewer when fewer are stored)
	 */
	long copyIntoIndexedScratch(int rows) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url, this.databases.user(),
				this.databases.password()); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS bench_floor");
			statement.execute("CREATE TABLE bench_floor (LIKE audit_event INCLUDING ALL)");
			try {
				// the generated columns are left to PostgreSQL, as at ingestion
				String columns = writableColumns(connection);
				return statement.executeLargeUpdate("INSERT INTO bench_floor (" + columns + ") SELECT " + columns
						+ " FROM audit_event LIMIT " + rows);
			}
			finally {
				statement.execute("DROP TABLE bench_floor");
			}
		}
	}

	private static String writableColumns(Connection connection) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT column_name FROM information_schema.columns"
						+ " WHERE table_schema = current_schema() AND table_name = 'audit_event'"
						+ " AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
			while (rows.next()) {
				columns.add(rows.getString(1));
			}
		}
		return String.join(", ", columns);
	}

	// an interval as PostgreSQL prints it, e.g. 00:00:01.234567
	private static double millis(String interval) {
		if (interval == null) {
			return Double.NaN;
		}
		String[] parts = interval.split(":");
		return (Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 + Double.parseDouble(parts[2])) * 1000;
	}

	/**
	 * The run id and end time of the run whose events are stored: from a bench event's
	 * correlation id ({@code bench-<run>-<n>}) and the latest occurrence (the time
	 * index).
	 */
	Run previousRun() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url, this.databases.user(),
				this.databases.password());
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("""
						SELECT (SELECT correlation_id FROM audit_event WHERE producer = 'audit-bench' LIMIT 1),
						       (SELECT max(occurred_at) FROM audit_event)""")) {
			row.next();
			String correlationId = row.getString(1);
			if (correlationId == null) {
				throw new IllegalStateException(
						"No events of an earlier run are stored: run without bench.audit.reuse");
			}
			return new Run(correlationId.split("-")[1], row.getTimestamp(2).toInstant().plusMillis(1));
		}
	}

	/** An earlier run: its id and the end of its events' spread. */
	record Run(String run, Instant end) {

	}

	/**
	 * @param stored rows in {@code audit_event}
	 * @param logged leaves in the log
	 */
	record Size(long stored, long logged) {

	}

}
