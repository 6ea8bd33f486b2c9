package dev.lanyard.audit.trail.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.lanyard.audit.trail.domain.AccessReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnswerAccessQuestionsTest {

	private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

	private final List<AccessReport.Holder> holders = new ArrayList<>();

	private final AnswerAccessQuestions questions = new AnswerAccessQuestions(new AccessReports() {

		@Override
		public List<AccessReport.Holder> holders(String integrationId, Instant from, Instant to,
				AccessReport.GroupBy groupBy, int limit) {
			return AnswerAccessQuestionsTest.this.holders.subList(0, Math.min(limit, holders.size()));
		}

		@Override
		public List<AccessReport.Credential> credentials(String userId, Instant from, Instant to, int limit) {
			return List.of();
		}

		@Override
		public List<AccessReport.Count> counts(Instant from, Instant to, Set<String> eventTypes,
				AccessReport.Bucket bucket) {
			return List.of();
		}

	});

	@Test
	void constructorWhenReportsNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AnswerAccessQuestions(null))
			.withMessage("reports cannot be null");
	}

	@Test
	void holdersWhenIntegrationBlankThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.questions.holders(" ", null, null, AccessReport.GroupBy.USER))
			.withMessage("integrationId cannot be blank");
	}

	@Test
	void holdersWhenMoreThanMaxRowsThenTruncated() {
		for (int i = 0; i <= AnswerAccessQuestions.MAX_ROWS; i++) {
			this.holders.add(new AccessReport.Holder("u-" + i, 1, 0, FROM, FROM, List.of()));
		}
		AnswerAccessQuestions.Rows<AccessReport.Holder> rows = this.questions.holders("i-1", null, null,
				AccessReport.GroupBy.USER);
		assertThat(rows.rows()).hasSize(AnswerAccessQuestions.MAX_ROWS);
		assertThat(rows.truncated()).isTrue();
	}

	@Test
	void credentialsWhenUserBlankThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.questions.credentials("", null, null))
			.withMessage("userId cannot be blank");
	}

	@Test
	void countsWhenPeriodTooLongThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.questions.counts(FROM, FROM.plusSeconds(401L * 86_400), Set.of(), AccessReport.Bucket.DAY))
			.withMessage("the period must be at most 400 days");
	}

	@Test
	void countsWhenFromAfterToThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.questions.counts(FROM, FROM.minusSeconds(1), Set.of(), AccessReport.Bucket.DAY))
			.withMessage("from must not be after to");
	}

}
