package dev.lanyard.e2e.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.postgres.PostgresDatabases;
import dev.lanyard.launcher.service.LanyardService;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads audit's own database, only reads, for what its API cannot show while audit is
 * down: how many events it had stored, how many of them were still queued for the log,
 * and how many it had stored past the offsets it committed (those Kafka delivers again).
 */
final class AuditDatabase {

	private final String url;

	private final PostgresDatabases databases;

	AuditDatabase(Ensemble ensemble) {
		this.databases = ensemble.endpoints().databases();
		this.url = ensemble.endpoints().jdbcUrl(LanyardService.AUDIT);
	}

	/** Stored events, the log's size and its queue, in one snapshot. */
	Sizes sizes() throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("""
						SELECT (SELECT count(*) FROM audit_event),
						       (SELECT tree_size FROM ledger_state),
						       (SELECT count(*) FROM ledger_pending)
						""")) {
			row.next();
			return new Sizes(row.getLong(1), row.getLong(2), row.getLong(3));
		}
	}

	/** The store and log once audit has logged everything it stored (bounded wait). */
	Sizes awaitLogged() throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Sizes sizes = sizes();
		while (sizes.pending() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Events still wait for audit's log 30 s on: " + sizes);
			}
			Thread.sleep(200);
			sizes = sizes();
		}
		return sizes;
	}

	/**
	 * Events stored at or past these committed offsets: Kafka hands them to audit again
	 * after a crash, and storing them again must change nothing.
	 */
	long storedPastCommitted(Map<TopicPartition, Long> committed) throws SQLException {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("""
				SELECT count(*) FROM audit_event e
				JOIN unnest(?::text[], ?::int[], ?::bigint[]) AS c(topic, part, committed)
				  ON e.topic = c.topic AND e.kafka_partition = c.part
				WHERE e.kafka_offset >= c.committed
				""")) {
			List<Map.Entry<TopicPartition, Long>> entries = List.copyOf(committed.entrySet());
			String[] topics = entries.stream().map((e) -> e.getKey().topic()).toArray(String[]::new);
			Integer[] partitions = entries.stream().map((e) -> e.getKey().partition()).toArray(Integer[]::new);
			Long[] offsets = entries.stream().map(Map.Entry::getValue).toArray(Long[]::new);
			Array topicArray = connection.createArrayOf("text", topics);
			Array partitionArray = connection.createArrayOf("int4", partitions);
			Array offsetArray = connection.createArrayOf("int8", offsets);
			statement.setArray(1, topicArray);
			statement.setArray(2, partitionArray);
			statement.setArray(3, offsetArray);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private Connection connect() throws SQLException {
		Connection connection = DriverManager.getConnection(this.url, this.databases.user(), this.databases.password());
		connection.setReadOnly(true);
		return connection;
	}

	/**
	 * @param stored rows in {@code audit_event}
	 * @param treeSize leaves in the log
	 * @param pending stored events waiting for their leaf
	 */
	record Sizes(long stored, long treeSize, long pending) {

	}

}
