package dev.lanyard.e2e.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.postgres.PostgresDatabases;
import dev.lanyard.launcher.service.LanyardService;

/**
 * What one run of sign-ins ({@link SignInBatch}) left, read (only read) from
 * user-provisioning's database and from audit's store of every event: the run's users and
 * memberships, and per user the UserChanged and GroupMembershipChanged events that
 * announced them (audit's subject id is the user id).
 */
final class ProvisioningTrail {

	private final PostgresDatabases databases;

	private final String provisioningUrl;

	private final String auditUrl;

	ProvisioningTrail(Ensemble ensemble) {
		this.databases = ensemble.endpoints().databases();
		this.provisioningUrl = ensemble.endpoints().jdbcUrl(LanyardService.USER_PROVISIONING);
		this.auditUrl = ensemble.endpoints().jdbcUrl(LanyardService.AUDIT);
	}

	/** Users of the run stored so far. */
	long users(String run) throws SQLException {
		return count(this.provisioningUrl, "SELECT count(*) FROM users WHERE unique_id LIKE ?", run);
	}

	/**
	 * Waits, bounded, until at least {@code count} users of the run are stored; returns
	 * how many there are.
	 */
	long awaitUsers(String run, long count, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		long users = users(run);
		while (users < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"Only " + users + " of " + count + " users of " + run + " stored within " + timeout);
			}
			Thread.sleep(20);
			users = users(run);
		}
		return users;
	}

	/**
	 * The run's state once audit holds at least one UserChanged for each of its users and
	 * as many GroupMembershipChanged as they have memberships (bounded wait).
	 */
	Result await(String run, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Result result = read(run);
			boolean caughtUp = result.lost() == 0 && result.membershipEvents() >= result.memberships();
			if (caughtUp || System.nanoTime() > deadline) {
				return result;
			}
			Thread.sleep(500);
		}
	}

	private Result read(String run) throws SQLException {
		Set<String> userIds = new HashSet<>();
		long memberships;
		try (Connection connection = connect(this.provisioningUrl);
				PreparedStatement users = connection
					.prepareStatement("SELECT id::text FROM users WHERE unique_id LIKE ?")) {
			users.setString(1, run + "-%");
			try (ResultSet rows = users.executeQuery()) {
				while (rows.next()) {
					userIds.add(rows.getString(1));
				}
			}
			memberships = count(this.provisioningUrl, """
					SELECT count(*) FROM group_memberships m JOIN users u ON u.id = m.user_id
					WHERE u.unique_id LIKE ?""", run);
		}
		Map<String, Integer> userChanged = new HashMap<>();
		Map<String, Integer> membershipChanged = new HashMap<>();
		try (Connection connection = connect(this.auditUrl); PreparedStatement events = connection.prepareStatement("""
				SELECT event_type, subject_id, count(*) FROM audit_event
				WHERE correlation_id LIKE ? AND event_type IN ('UserChanged', 'GroupMembershipChanged')
				GROUP BY event_type, subject_id""")) {
			events.setString(1, run + "-%");
			try (ResultSet rows = events.executeQuery()) {
				while (rows.next()) {
					Map<String, Integer> counts = "UserChanged".equals(rows.getString(1)) ? userChanged
							: membershipChanged;
					counts.put(rows.getString(2), rows.getInt(3));
				}
			}
		}
		int lost = (int) userIds.stream().filter((id) -> !userChanged.containsKey(id)).count();
		int doubled = (int) userIds.stream().filter((id) -> userChanged.getOrDefault(id, 0) > 1).count();
		int strangers = (int) userChanged.keySet().stream().filter((id) -> !userIds.contains(id)).count();
		long membershipEvents = membershipChanged.entrySet()
			.stream()
			.filter((entry) -> userIds.contains(entry.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
		int membershipStrangers = (int) membershipChanged.keySet()
			.stream()
			.filter((id) -> !userIds.contains(id))
			.count();
		return new Result(userIds.size(), memberships, userChanged.values().stream().mapToInt(Integer::intValue).sum(),
				lost, doubled, strangers, membershipEvents, membershipStrangers);
	}

	private long count(String url, String sql, String run) throws SQLException {
		try (Connection connection = connect(url); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, run + "-%");
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private Connection connect(String url) throws SQLException {
		Connection connection = DriverManager.getConnection(url, this.databases.user(), this.databases.password());
		connection.setReadOnly(true);
		return connection;
	}

	/**
	 * @param users the run's users in user-provisioning's database
	 * @param memberships their group memberships there
	 * @param userChangedEvents UserChanged events of the run in audit
	 * @param lost users without a UserChanged naming them
	 * @param doubled users with more than one UserChanged
	 * @param strangers UserChanged events naming a user id the database does not hold (a
	 * change announced and then rolled back)
	 * @param membershipEvents GroupMembershipChanged events naming the run's users
	 * @param membershipStrangers users named by a GroupMembershipChanged whom the
	 * database does not hold
	 */
	record Result(int users, long memberships, int userChangedEvents, int lost, int doubled, int strangers,
			long membershipEvents, int membershipStrangers) {

	}

}
