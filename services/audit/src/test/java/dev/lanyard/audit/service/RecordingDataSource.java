package dev.lanyard.audit.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A real data source that notes, for every query it runs, the fetch size and auto-commit
 * it ran with: what decides whether PostgreSQL's driver streams the rows through a
 * cursor.
 */
final class RecordingDataSource extends DelegatingDataSource {

	private static final ClassLoader LOADER = RecordingDataSource.class.getClassLoader();

	private final List<Query> queries = new CopyOnWriteArrayList<>();

	RecordingDataSource(DataSource target) {
		super(target);
	}

	List<Query> queries() {
		return this.queries;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = super.getConnection();
		return (Connection) Proxy.newProxyInstance(LOADER, new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					Object result = invoke(connection, method, args);
					return (result instanceof PreparedStatement statement) ? recording(statement, connection) : result;
				});
	}

	private PreparedStatement recording(PreparedStatement statement, Connection connection) {
		return (PreparedStatement) Proxy.newProxyInstance(LOADER, new Class<?>[] { PreparedStatement.class },
				(proxy, method, args) -> {
					if ("executeQuery".equals(method.getName())) {
						this.queries.add(new Query(statement.getFetchSize(), connection.getAutoCommit()));
					}
					return invoke(statement, method, args);
				});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * @param fetchSize the statement's fetch size when it ran
	 * @param autoCommit whether the connection was in auto-commit
	 */
	record Query(int fetchSize, boolean autoCommit) {
	}

}
