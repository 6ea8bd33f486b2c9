package dev.lanyard.tokenbroker.sessions.adapter.jdbc;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import dev.lanyard.tokenbroker.sessions.application.EndedSessions;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ended sessions in {@code ended_session}. Rows older than the longest token lifetime (24
 * hours) are of no use and are purged as new ones arrive.
 */
public final class JdbcEndedSessions implements EndedSessions {

	private static final Duration KEPT = Duration.ofHours(25);

	private final JdbcClient jdbc;

	public JdbcEndedSessions(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public void end(String sessionId, String userId, Instant endedAt) {
		if (sessionId == null || sessionId.isBlank() || userId == null || userId.isBlank() || endedAt == null) {
			throw new IllegalArgumentException("sessionId, userId and endedAt cannot be blank");
		}
		this.jdbc.sql("""
				insert into ended_session (session_id, user_id, ended_at) values (:sessionId, :userId, :endedAt)
				on conflict (session_id) do nothing""")
			.param("sessionId", sessionId)
			.param("userId", userId)
			.param("endedAt", Timestamp.from(endedAt))
			.update();
		this.jdbc.sql("delete from ended_session where ended_at < :before")
			.param("before", Timestamp.from(endedAt.minus(KEPT)))
			.update();
	}

	@Override
	public boolean ended(String sessionId) {
		if (sessionId == null) {
			return false;
		}
		return this.jdbc.sql("select count(*) from ended_session where session_id = :sessionId")
			.param("sessionId", sessionId)
			.query(Long.class)
			.single() > 0;
	}

}
