package dev.lanyard.gateway.signin.adapter.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import dev.lanyard.gateway.signin.application.UserSessions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;

/**
 * Browser sessions in PostgreSQL (table {@code web_session}), so a gateway restart signs
 * nobody out, several gateways share the sessions, and their number is bounded by the
 * database rather than a heap (WebFlux's in-memory store refuses new sessions past
 * 10,000, which anonymous sign-in starts alone can reach).
 *
 * <p>
 * The cookie value is a bearer secret: only its SHA-256 is stored. Attributes are kept as
 * JSON of the few kinds a session holds ({@link SessionAttributesJson}), never Java
 * serialization, so no stored row can name a class to build. Attributes named as not
 * stored (a minted token) stay out of the database and are minted again when missing.
 * Blocking JDBC runs on the given scheduler.
 */
public final class JdbcSessionRepository implements ReactiveSessionRepository<MapSession>, UserSessions {

	private static final Logger log = LoggerFactory.getLogger(JdbcSessionRepository.class);

	private static final SessionAttributesJson ATTRIBUTES = new SessionAttributesJson();

	private final JdbcClient jdbc;

	private final Scheduler scheduler;

	private final Duration idleTimeout;

	private final Duration absoluteTimeout;

	private final String userIdAttribute;

	private final Set<String> notStored;

	private final Clock clock;

	/**
	 * @param jdbc the gateway's database
	 * @param scheduler where the blocking calls run
	 * @param idleTimeout how long a session lives without a request
	 * @param absoluteTimeout how long a session lives at most after it was created
	 * @param userIdAttribute the attribute holding the signed-in user's id, also stored
	 * as a column (to end every session of a user)
	 * @param notStored attributes kept out of the database
	 * @param clock the time
	 */
	public JdbcSessionRepository(JdbcClient jdbc, Scheduler scheduler, Duration idleTimeout, Duration absoluteTimeout,
			String userIdAttribute, Set<String> notStored, Clock clock) {
		if (jdbc == null || scheduler == null || clock == null) {
			throw new IllegalArgumentException("jdbc, scheduler and clock cannot be null");
		}
		if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("idleTimeout must be positive");
		}
		if (absoluteTimeout == null || absoluteTimeout.compareTo(idleTimeout) < 0) {
			throw new IllegalArgumentException("absoluteTimeout must be at least idleTimeout");
		}
		if (userIdAttribute == null || userIdAttribute.isBlank()) {
			throw new IllegalArgumentException("userIdAttribute cannot be blank");
		}
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.idleTimeout = idleTimeout;
		this.absoluteTimeout = absoluteTimeout;
		this.userIdAttribute = userIdAttribute;
		this.notStored = Set.copyOf(notStored);
		this.clock = clock;
	}

	@Override
	public Mono<MapSession> createSession() {
		return Mono.fromSupplier(() -> {
			MapSession session = new MapSession();
			session.setCreationTime(this.clock.instant());
			session.setLastAccessedTime(session.getCreationTime());
			session.setMaxInactiveInterval(this.idleTimeout);
			return session;
		});
	}

	@Override
	public Mono<Void> save(MapSession session) {
		return Mono.<Void>fromRunnable(() -> store(session)).subscribeOn(this.scheduler);
	}

	@Override
	public Mono<MapSession> findById(String id) {
		return Mono.fromCallable(() -> load(id).orElse(null)).subscribeOn(this.scheduler);
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return Mono.<Void>fromRunnable(() -> delete(id)).subscribeOn(this.scheduler);
	}

	/** Deletes the sessions that expired before now; how many. */
	public int purgeExpired() {
		return this.jdbc.sql("delete from web_session where expires_at < :now")
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	@Override
	public int endAll(String userId) {
		return this.jdbc.sql("delete from web_session where user_id = :userId").param("userId", userId).update();
	}

	private void store(MapSession session) {
		// a new id after sign-in (session fixation): one statement also deletes the old
		boolean rotated = !session.getId().equals(session.getOriginalId());
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (String name : session.getAttributeNames()) {
			if (!this.notStored.contains(name)) {
				attributes.put(name, session.getAttribute(name));
			}
		}
		Object userId = session.getAttribute(this.userIdAttribute);
		Instant lastAccessed = session.getLastAccessedTime();
		this.jdbc.sql((rotated ? "with rotated as (delete from web_session where id_sha256 = :originalId) " : "") + """
				insert into web_session (id_sha256, created_at, last_accessed_at, max_idle_seconds, expires_at,
				                         user_id, attributes)
				values (:id, :created, :accessed, :idle, :expires, :userId, :attributes)
				on conflict (id_sha256) do update set last_accessed_at = excluded.last_accessed_at,
				    max_idle_seconds = excluded.max_idle_seconds, expires_at = excluded.expires_at,
				    user_id = excluded.user_id, attributes = excluded.attributes""")
			.param("originalId", sha256(session.getOriginalId()))
			.param("id", sha256(session.getId()))
			.param("created", Timestamp.from(session.getCreationTime()))
			.param("accessed", Timestamp.from(lastAccessed))
			.param("idle", (int) session.getMaxInactiveInterval().toSeconds())
			.param("expires", Timestamp.from(expiry(session.getCreationTime(), lastAccessed, session)))
			.param("userId", (userId != null) ? userId.toString() : null)
			.param("attributes", ATTRIBUTES.write(attributes))
			.update();
	}

	/** Idle expiry, but never past the absolute end of the session. */
	private Instant expiry(Instant created, Instant lastAccessed, MapSession session) {
		Instant idle = lastAccessed.plus(session.getMaxInactiveInterval());
		Instant absolute = created.plus(this.absoluteTimeout);
		return idle.isBefore(absolute) ? idle : absolute;
	}

	private Optional<MapSession> load(String id) {
		if (id == null || id.isEmpty() || id.length() > 200) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select created_at, last_accessed_at, max_idle_seconds, attributes
				from web_session where id_sha256 = :id and expires_at >= :now""")
			.param("id", sha256(id))
			.param("now", Timestamp.from(now))
			.query((rs, row) -> session(id, rs))
			.optional()
			.flatMap((session) -> session);
	}

	private Optional<MapSession> session(String id, ResultSet rs) throws SQLException {
		Map<String, Object> attributes;
		try {
			attributes = ATTRIBUTES.read(rs.getBytes("attributes"));
		}
		catch (RuntimeException ex) {
			// e.g. a row of an older release: the person signs in again
			log.warn("Dropped a stored browser session whose attributes cannot be read: {}",
					ex.getClass().getSimpleName());
			return Optional.empty();
		}
		MapSession session = new MapSession(id);
		session.setCreationTime(rs.getTimestamp("created_at").toInstant());
		session.setLastAccessedTime(rs.getTimestamp("last_accessed_at").toInstant());
		session.setMaxInactiveInterval(Duration.ofSeconds(rs.getInt("max_idle_seconds")));
		attributes.forEach(session::setAttribute);
		return Optional.of(session);
	}

	private void delete(String id) {
		this.jdbc.sql("delete from web_session where id_sha256 = :id").param("id", sha256(id)).update();
	}

	/** The stored form of a session id (the cookie value): its SHA-256, hex. */
	public static String sha256(String id) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
