package dev.lanyard.launcher.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;

/**
 * The statements behind {@link PostgresDatabases#ensureOwnedBy}. Names are checked SQL
 * identifiers ({@link PostgresDatabases#requireName}); passwords go to the server only as
 * SCRAM verifiers computed by the driver, so none can appear in the server's log.
 */
final class DatabaseRoles {

	/**
	 * Every table, view, sequence not owned by a column and routine in {@code public}
	 * owned by the superuser goes to the role ({@code REASSIGN OWNED} refuses the
	 * bootstrap superuser, which owns the system catalogs too).
	 */
	private static final String HAND_OVER = """
			DO $$
			DECLARE
				item record;
			BEGIN
				FOR item IN
					SELECT c.oid::regclass AS name, CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
						WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
					FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
					WHERE n.nspname = 'public' AND c.relowner = '%1$s'::regrole
						AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
						AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
							AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
				LOOP
					EXECUTE format('ALTER %%s %%s OWNER TO %%I', item.kind, item.name, '%2$s');
				END LOOP;
				FOR item IN
					SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
					WHERE n.nspname = 'public' AND p.proowner = '%1$s'::regrole AND p.prokind IN ('f', 'p')
				LOOP
					EXECUTE format('ALTER ROUTINE %%s OWNER TO %%I', item.name, '%2$s');
				END LOOP;
			END
			$$""";

	private DatabaseRoles() {
	}

	/** Creates the role unless it exists. */
	static void ensureRole(Connection connection, String role) throws SQLException {
		boolean exists;
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
			query.setString(1, role);
			try (ResultSet result = query.executeQuery()) {
				exists = result.next();
			}
		}
		if (!exists) {
			execute(connection, "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
		}
	}

	static void setPassword(Connection connection, String role, String password) throws SQLException {
		connection.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
	}

	/** The database, owned by the role of its name, that nobody else may connect to. */
	static void ensureOwnedDatabase(Connection connection, String database, boolean exists) throws SQLException {
		execute(connection, exists ? "ALTER DATABASE " + database + " OWNER TO " + database
				: "CREATE DATABASE " + database + " OWNER " + database);
		execute(connection, "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
	}

	/** Run connected to the database itself. */
	static void handOverObjects(Connection connection, String superuser, String role) throws SQLException {
		PostgresDatabases.requireName(superuser);
		execute(connection, "ALTER SCHEMA public OWNER TO " + role);
		execute(connection, HAND_OVER.formatted(superuser, role));
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
