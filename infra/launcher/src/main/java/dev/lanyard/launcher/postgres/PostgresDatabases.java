package dev.lanyard.launcher.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Databases on a PostgreSQL server, one per service, created when missing.
 *
 * @param serverUrl JDBC URL of the server without a database, e.g.
 * {@code jdbc:postgresql://127.0.0.1:15432}
 * @param user user name
 * @param password password
 */
public record PostgresDatabases(String serverUrl, String user, String password) {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	public PostgresDatabases {
		if (serverUrl == null || !serverUrl.startsWith("jdbc:postgresql://")) {
			throw new IllegalArgumentException("serverUrl must start with jdbc:postgresql://: " + serverUrl);
		}
		if (user == null || user.isBlank()) {
			throw new IllegalArgumentException("user cannot be blank");
		}
		serverUrl = serverUrl.replaceAll("/+$", "");
	}

	/** The JDBC URL of a database on this server. */
	public String jdbcUrl(String database) {
		requireName(database);
		int query = this.serverUrl.indexOf('?');
		if (query < 0) {
			return this.serverUrl + "/" + database;
		}
		return this.serverUrl.substring(0, query).replaceAll("/+$", "") + "/" + database
				+ this.serverUrl.substring(query);
	}

	/** Creates the database unless it exists. */
	public void ensure(String database) {
		requireName(database);
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), this.user, this.password)) {
			if (exists(connection, database)) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + database);
			}
		}
		catch (SQLException ex) {
			if ("42P04".equals(ex.getSQLState())) {
				return; // created meanwhile by someone else
			}
			throw new IllegalStateException(
					"Cannot create the database " + database + " at " + this.serverUrl + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Makes the database belong to a role of the same name that signs in with
	 * {@code rolePassword} and reaches no other database: the role is created or given
	 * that password, the database created or handed to it with what an earlier launcher
	 * made in it as superuser, and {@code CONNECT} revoked from {@code PUBLIC}. Needs a
	 * superuser.
	 */
	public void ensureOwnedBy(String database, String rolePassword) {
		requireName(database);
		if (rolePassword == null || rolePassword.isBlank()) {
			throw new IllegalArgumentException("rolePassword cannot be blank");
		}
		try (Connection server = DriverManager.getConnection(jdbcUrl("postgres"), this.user, this.password)) {
			DatabaseRoles.ensureRole(server, database);
			DatabaseRoles.ensureOwnedDatabase(server, database, exists(server, database));
			try (Connection inside = DriverManager.getConnection(jdbcUrl(database), this.user, this.password)) {
				DatabaseRoles.handOverObjects(inside, this.user, database);
			}
			// last: a role that signs in finds its database ready
			DatabaseRoles.setPassword(server, database, rolePassword);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot give the database " + database + " its own role at "
					+ this.serverUrl + ": " + ex.getMessage(), ex);
		}
	}

	/** Whether a role signs in to a database with a password. */
	public boolean accepts(String database, String role, String rolePassword) {
		requireName(database);
		try (Connection connection = DriverManager.getConnection(jdbcUrl(database), role, rolePassword)) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Whether the database exists (false when the server does not answer). */
	public boolean exists(String database) {
		requireName(database);
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), this.user, this.password)) {
			return exists(connection, database);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Whether the server accepts a connection. */
	public boolean answers() {
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), this.user, this.password)) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, database);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

	static void requireName(String database) {
		if (database == null || !NAME.matcher(database).matches()) {
			throw new IllegalArgumentException(
					"database must be a lower-case SQL identifier (letters, digits, underscores): " + database);
		}
	}

}
