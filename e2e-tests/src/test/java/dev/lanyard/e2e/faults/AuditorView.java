package dev.lanyard.e2e.faults;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.lanyard.e2e.support.Lanyard;
import tools.jackson.databind.JsonNode;

/** What an auditor sees through the gateway: TokenIssued records and the full check. */
final class AuditorView {

	private static final int PAGE = 500;

	private static final int MAX_PAGES = 40;

	private final Lanyard lanyard;

	private final String auditorToken;

	AuditorView(Lanyard lanyard, String auditorToken) {
		this.lanyard = lanyard;
		this.auditorToken = auditorToken;
	}

	/**
	 * How many TokenIssued records each token hash has, for credentials issued to
	 * {@code subject} from {@code since} on.
	 */
	Map<String, Integer> tokenIssuedCounts(String subject, Instant since) throws Exception {
		Map<String, Integer> counts = new HashMap<>();
		String cursor = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			String query = "/api/audit/events?eventType=TokenIssued&subject=" + encode(subject) + "&from=" + since
					+ "&limit=" + PAGE + ((cursor != null) ? "&cursor=" + encode(cursor) : "");
			JsonNode body = this.lanyard.ok(this.auditorToken, "GET", query, null);
			for (JsonNode event : body.get("events")) {
				counts.merge(event.get("tokenSha256").asString(), 1, Integer::sum);
			}
			JsonNode next = body.get("nextCursor");
			if (next == null || next.isNull()) {
				return counts;
			}
			cursor = next.asString();
		}
		throw new IllegalStateException("More than " + MAX_PAGES * PAGE + " TokenIssued records since " + since);
	}

	/** {@code GET /api/audit/verify/full}. */
	FullCheck verifyFull() throws Exception {
		JsonNode verdict = this.lanyard.ok(this.auditorToken, "GET", "/api/audit/verify/full", null);
		JsonNode detail = verdict.get("detail");
		return new FullCheck(verdict.get("outcome").asString(), verdict.get("checkedSize").asLong(),
				(detail == null || detail.isNull()) ? "" : detail.asString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The full check's verdict: OK or the first finding. */
	record FullCheck(String outcome, long checkedSize, String detail) {

		@Override
		public String toString() {
			return this.outcome + " (" + this.checkedSize + " leaves checked" + (this.detail.isEmpty() ? "" : ", ")
					+ this.detail + ")";
		}

	}

}
