package dev.lanyard.audit.trail.adapter.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.lanyard.audit.trail.domain.AuditQuery;
import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.trail.domain.Position;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventQueryParserTest {

	private final EventQueryParser parser = new EventQueryParser(Set.of("TokenIssued", "TokenRevoked"));

	@Test
	void constructorWhenNoEventTypesThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventQueryParser(Set.of()))
			.withMessage("eventTypes cannot be empty");
	}

	@Test
	void parseWhenParametersNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse(null))
			.withMessage("parameters cannot be null");
	}

	@Test
	void parseWhenNoParametersThenEverythingFirstPageOfDefaultSize() {
		assertThat(this.parser.parse(Map.of())).isEqualTo(new AuditQuery(EventFilter.ALL, 50, null));
	}

	@Test
	void parseWhenEveryFilterThenAllInQuery() {
		Position after = new Position(Instant.parse("2026-11-25T09:00:00Z"), UUID.randomUUID());
		AuditQuery query = this.parser.parse(params("subject", "content-42", "content", "content-42", "integration",
				"integration-3", "tokenType", "content-session", "tokenSha256", "AB".repeat(32), "eventType",
				"TokenIssued", "from", "2026-11-25T00:00:00Z", "to", "2026-11-26T00:00:00Z", "limit", "500", "cursor",
				CursorCodec.encode(after), "user", "user-7", "group", "group-1", "grant", "client_credentials",
				"outcome", "failure", "actor", "admin-1", "correlationId", "corr-1"));
		assertThat(query).isEqualTo(new AuditQuery(EventFilter.builder()
			.subjectId("content-42")
			.contentId("content-42")
			.integrationId("integration-3")
			.tokenType("content-session")
			.tokenSha256("ab".repeat(32))
			.eventTypes(Set.of("TokenIssued"))
			.from(Instant.parse("2026-11-25T00:00:00Z"))
			.to(Instant.parse("2026-11-26T00:00:00Z"))
			.userId("user-7")
			.groupId("group-1")
			.grantType("client_credentials")
			.outcome("failure")
			.actorId("admin-1")
			.correlationId("corr-1")
			.build(), 500, after));
	}

	@Test
	void parseWhenOnBehalfOfAndFederatedIssuerThenInFilter() {
		EventFilter filter = this.parser
			.parse(params("onBehalfOf", "user-7", "federatedIssuer", "https://ci.example.com/"))
			.filter();
		assertThat(filter.onBehalfOfUserId()).isEqualTo("user-7");
		assertThat(filter.federatedIssuer()).isEqualTo("https://ci.example.com/");
	}

	@Test
	void parseWhenFederatedIssuerTooLongThenRefusedNamingIt() {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.parser.parse(params("federatedIssuer", "https://" + "a".repeat(300))))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("federatedIssuer"));
	}

	@Test
	void parseWhenEmptyValuesThenAbsent() {
		assertThat(this.parser.parse(params("subject", "", "from", " ", "limit", "")))
			.isEqualTo(new AuditQuery(EventFilter.ALL, 50, null));
	}

	@Test
	void parseWhenFromWithOffsetThenInstant() {
		assertThat(this.parser.parse(params("from", "2026-11-25T11:00:00+01:00")).filter().from())
			.isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
	}

	@Test
	void parseWhenFromNotAnInstantThenNamesFrom() {
		assertInvalid(params("from", "yesterday"), "from");
	}

	@Test
	void parseWhenToIsDateOnlyThenNamesTo() {
		assertInvalid(params("to", "2026-11-25"), "to");
	}

	@Test
	void parseWhenFromAfterToThenNamesFrom() {
		assertInvalid(params("from", "2026-11-26T00:00:00Z", "to", "2026-11-25T00:00:00Z"), "from");
	}

	@Test
	void parseWhenLimitZeroThenNamesLimit() {
		assertInvalid(params("limit", "0"), "limit");
	}

	@Test
	void parseWhenLimitAboveMaximumThenNamesLimit() {
		assertInvalid(params("limit", "501"), "limit");
	}

	@Test
	void parseWhenLimitNotANumberThenNamesLimit() {
		assertInvalid(params("limit", "ten"), "limit");
	}

	@Test
	void parseWhenTokenSha256NotHexThenNamesIt() {
		assertInvalid(params("tokenSha256", "z".repeat(64)), "tokenSha256");
	}

	@Test
	void parseWhenTokenSha256WrongLengthThenNamesIt() {
		assertInvalid(params("tokenSha256", "abc"), "tokenSha256");
	}

	@Test
	void parseWhenEventTypeUnknownThenNamesIt() {
		assertInvalid(params("eventType", "Nonsense"), "eventType");
	}

	@Test
	void parseWhenSubjectTooLongThenNamesIt() {
		assertInvalid(params("subject", "s".repeat(257)), "subject");
	}

	@Test
	void parseWhenCursorForgedThenNamesCursor() {
		assertInvalid(params("cursor", "bm90LWEtY3Vyc29y"), "cursor");
	}

	@Test
	void parseWhenParameterRepeatedThenNamesIt() {
		assertInvalid(Map.of("subject", List.of("a", "b")), "subject");
	}

	@Test
	void parseWhenUnknownParameterThenNamesIt() {
		assertInvalid(params("subjectId", "content-42"), "subjectId");
	}

	private void assertInvalid(Map<String, List<String>> parameters, String parameter) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.parser.parse(parameters))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo(parameter));
	}

	private static Map<String, List<String>> params(String... namesAndValues) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put(namesAndValues[i], Arrays.asList(namesAndValues[i + 1]));
		}
		return map;
	}

	@Test
	void parseWhenEventTypeRepeatedOrCommaListThenAnyOfThem() {
		EventQueryParser parser = new EventQueryParser(Set.of("TokenIssued", "TokenRevoked", "UserChanged"));
		Map<String, List<String>> parameters = Map.of("eventType", List.of("TokenIssued,TokenRevoked", "UserChanged"));
		assertThat(parser.parse(parameters).filter().eventTypes()).containsExactlyInAnyOrder("TokenIssued",
				"TokenRevoked", "UserChanged");
	}

	@Test
	void parseWhenOutcomeUnknownThenProblemNamingOutcome() {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.parser.parse(params("outcome", "maybe")))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("outcome"));
	}

	@Test
	void parseFilterWhenExtraParameterAllowedThenAcceptedElseRefused() {
		assertThat(this.parser.parseFilter(params("format", "csv"), "format")).isEqualTo(EventFilter.ALL);
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.parser.parseFilter(params("limit", "5")))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("limit"));
	}

}
