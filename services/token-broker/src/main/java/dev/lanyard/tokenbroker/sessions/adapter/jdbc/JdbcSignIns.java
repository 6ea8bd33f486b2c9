package dev.lanyard.tokenbroker.sessions.adapter.jdbc;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.lanyard.platform.ids.SignInAnswers;
import dev.lanyard.tokenbroker.sessions.application.SignIns;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code sign_in_session} and {@code sign_in_answer}; rows older than {@code kept} are
 * purged as announcements arrive.
 */
public final class JdbcSignIns implements SignIns {

	private final JdbcClient jdbc;

	private final Duration kept;

	public JdbcSignIns(JdbcClient jdbc, Duration kept) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		if (kept == null || kept.isNegative() || kept.isZero()) {
			throw new IllegalArgumentException("kept must be positive");
		}
		this.jdbc = jdbc;
		this.kept = kept;
	}

	@Override
	public void announced(UUID loginEventId, String sessionId, Instant at) {
		this.jdbc.sql("""
				insert into sign_in_session (login_event_id, session_id, signed_in_at)
				values (:login, :session, :at) on conflict (login_event_id) do nothing""")
			.param("login", loginEventId)
			.param("session", sessionId)
			.param("at", Timestamp.from(at))
			.update();
		Timestamp before = Timestamp.from(at.minus(this.kept));
		this.jdbc.sql("delete from sign_in_session where signed_in_at < :before").param("before", before).update();
		this.jdbc.sql("delete from sign_in_answer where answered_at < :before").param("before", before).update();
	}

	@Override
	public void answered(UUID answerEventId, String userId, Instant at) {
		this.jdbc.sql("""
				insert into sign_in_answer (answer_event_id, user_id, answered_at)
				values (:answer, :user, :at) on conflict (answer_event_id) do nothing""")
			.param("answer", answerEventId)
			.param("user", userId)
			.param("at", Timestamp.from(at))
			.update();
	}

	@Override
	public boolean confirms(UUID loginEventId, String sessionId, String userId, Instant notBefore) {
		return this.jdbc.sql("""
				select count(*) from sign_in_session s join sign_in_answer a on a.answer_event_id = :answer
				where s.login_event_id = :login and s.session_id = :session and a.user_id = :user
				  and s.signed_in_at >= :notBefore""")
			.param("answer", SignInAnswers.eventId(loginEventId, SignInAnswers.USER_CHANGED))
			.param("login", loginEventId)
			.param("session", sessionId)
			.param("user", userId)
			.param("notBefore", Timestamp.from(notBefore))
			.query(Long.class)
			.single() > 0;
	}

}
