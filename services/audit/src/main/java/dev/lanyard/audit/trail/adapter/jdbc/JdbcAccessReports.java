package dev.lanyard.audit.trail.adapter.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.lanyard.audit.trail.application.AccessReports;
import dev.lanyard.audit.trail.application.TrailUnavailableException;
import dev.lanyard.audit.trail.domain.AccessReport;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The access reports as PostgreSQL aggregates over {@code audit_event}. */
public final class JdbcAccessReports implements AccessReports {

	// A revocation covers a credential when it names it (token id or hash), or when it
	// revokes all of the subject's credentials (for its integration, or all of them)
	// after the credential was issued and before it expired. A credential issued to
	// content acting for the person (backend mapping) is theirs too, marked on_behalf_of;
	// only revocations of its own subject end it.
	private static final String CREDENTIALS = "SELECT " + StoredEventRows.COLUMNS + """
			, r.occurred_at AS revoked_at, r.reason AS revocation_reason, r.event_id AS revocation_event_id,
				(e.user_id IS DISTINCT FROM :userId) AS on_behalf_of
			FROM audit_event e
			LEFT JOIN LATERAL (
				SELECT r.occurred_at, r.payload->>'reason' AS reason, r.event_id FROM audit_event r
				WHERE r.event_type = 'TokenRevoked'
					AND ((r.token_id IS NOT NULL AND r.token_id = e.token_id)
						OR (r.token_sha256 IS NOT NULL AND r.token_sha256 = e.token_sha256)
						OR (r.token_id IS NULL AND r.token_sha256 IS NULL
							AND r.subject_id = e.subject_id AND r.subject_type = e.subject_type
							AND (r.integration_id IS NULL OR r.integration_id = e.integration_id)
							AND r.occurred_at >= e.occurred_at
							AND (e.expires_at IS NULL OR r.occurred_at < e.expires_at)))
				ORDER BY r.occurred_at, r.event_id LIMIT 1) r ON true
			WHERE e.event_type = 'TokenIssued'
				AND (e.user_id = :userId OR e.payload->>'onBehalfOfUserId' = :userId)
			""";

	private final NamedParameterJdbcTemplate named;

	public JdbcAccessReports(JdbcTemplate jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	@Override
	public List<AccessReport.Holder> holders(String integrationId, Instant from, Instant to,
			AccessReport.GroupBy groupBy, int limit) {
		// a credential content received acting for a user is that user's access too;
		// every column read here is in audit_event_access_by_integration (V8), so
		// PostgreSQL answers from that index without reading the table
		String column = switch (groupBy) {
			case USER -> "coalesce(e.user_id, e.on_behalf_of_user_id)";
			case CONTENT -> "e.content_id";
		};
		String onBehalfOf = switch (groupBy) {
			case USER -> "count(*) FILTER (WHERE e.user_id IS NULL AND e.on_behalf_of_user_id IS NOT NULL)";
			case CONTENT -> "0";
		};
		MapSqlParameterSource params = new MapSqlParameterSource("integrationId", integrationId).addValue("limit",
				limit);
		String sql = "SELECT " + column + " AS holder, " + onBehalfOf + """
				 AS on_behalf_of, count(*) AS credentials, min(e.occurred_at) AS first_issued_at,
					max(e.occurred_at) AS last_issued_at,
					array_remove(array_agg(DISTINCT e.token_type), NULL) AS token_types
				FROM audit_event e
				WHERE e.event_type = 'TokenIssued' AND e.integration_id IS NOT NULL
					AND e.integration_id = :integrationId
				""" + period(from, to, params) + "GROUP BY " + column
				+ "\nORDER BY credentials DESC, holder NULLS LAST LIMIT :limit";
		return query(sql, params, (rs, row) -> new AccessReport.Holder(rs.getString("holder"),
				rs.getLong("credentials"), rs.getLong("on_behalf_of"), StoredEventRows.instant(rs, "first_issued_at"),
				StoredEventRows.instant(rs, "last_issued_at"), StoredEventRows.textArray(rs.getArray("token_types"))));
	}

	@Override
	public List<AccessReport.Credential> credentials(String userId, Instant from, Instant to, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("userId", userId).addValue("limit", limit);
		String sql = CREDENTIALS + period(from, to, params)
				+ "ORDER BY e.occurred_at DESC, e.event_id DESC LIMIT :limit";
		return query(sql, params,
				(rs, row) -> new AccessReport.Credential(StoredEventRows.storedEvent(rs),
						StoredEventRows.instant(rs, "revoked_at"), rs.getString("revocation_reason"),
						rs.getString("revocation_event_id"), rs.getBoolean("on_behalf_of")));
	}

	@Override
	public List<AccessReport.Count> counts(Instant from, Instant to, Set<String> eventTypes,
			AccessReport.Bucket bucket) {
		String unit = switch (bucket) {
			case HOUR -> "hour";
			case DAY -> "day";
		};
		MapSqlParameterSource params = new MapSqlParameterSource();
		String types = "";
		if (!eventTypes.isEmpty()) {
			types = "AND e.event_type IN (:eventTypes)\n";
			params.addValue("eventTypes", List.copyOf(eventTypes));
		}
		String sql = "SELECT date_trunc('" + unit + "', e.occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS start,"
				+ " e.event_type, count(*) AS events\nFROM audit_event e\nWHERE true\n" + period(from, to, params)
				+ types + "GROUP BY 1, 2\nORDER BY 1, 2";
		return query(sql, params, (rs, row) -> new AccessReport.Count(StoredEventRows.instant(rs, "start"),
				rs.getString("event_type"), rs.getLong("events")));
	}

	private static String period(Instant from, Instant to, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder();
		if (from != null) {
			sql.append("AND e.occurred_at >= :from\n");
			params.addValue("from", EventWhere.timestamp(from));
		}
		if (to != null) {
			sql.append("AND e.occurred_at < :to\n");
			params.addValue("to", EventWhere.timestamp(to));
		}
		return sql.toString();
	}

	private <T> List<T> query(String sql, MapSqlParameterSource params, RowMapper<T> rows) {
		try {
			return this.named.query(sql, params, rows);
		}
		catch (DataAccessException ex) {
			throw new TrailUnavailableException("The audit store is unavailable: " + ex.getClass().getSimpleName(), ex);
		}
	}

}
