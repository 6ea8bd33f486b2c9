package dev.lanyard.tokenbroker.issuance.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.testing.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class AggregatingDenialRecorderTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));

	private final List<CredentialDenial> recorded = new ArrayList<>();

	private final AggregatingDenialRecorder denials = new AggregatingDenialRecorder(this.recorded::add,
			Duration.ofMinutes(1), 1000, this.clock);

	@Test
	void recordWhenFloodOfIdenticalDenialsThenOneRecordAndOneSummaryCountingEveryOne() throws Exception {
		for (int i = 0; i < 1000; i++) {
			this.denials.record(denial("c-1", "not-associated"));
			this.clock.advance(Duration.ofMillis(10));
		}
		assertThat(this.recorded).hasSize(1);

		this.clock.advance(Duration.ofMinutes(1));
		this.denials.flushExpired();

		assertThat(this.recorded).hasSize(2);
		assertThat(this.recorded.get(1).repeatCount()).isEqualTo(999);
		assertThat(this.recorded.stream().mapToInt(CredentialDenial::repeatCount).sum()).isEqualTo(1000);
		assertThat(this.recorded.get(1).eventId()).isNotEqualTo(this.recorded.get(0).eventId());
	}

	@Test
	void recordWhenDifferentReasonsOrContentThenEachRecorded() throws Exception {
		this.denials.record(denial("c-1", "not-associated"));
		this.denials.record(denial("c-1", "scope-not-allowed"));
		this.denials.record(denial("c-2", "not-associated"));
		assertThat(this.recorded).extracting(CredentialDenial::reason)
			.containsExactly("not-associated", "scope-not-allowed", "not-associated");
	}

	@Test
	void recordWhenWindowOverThenSummaryBeforeTheNextRecord() throws Exception {
		this.denials.record(denial("c-1", "not-associated"));
		this.denials.record(denial("c-1", "not-associated"));
		this.clock.advance(Duration.ofSeconds(61));
		this.denials.record(denial("c-1", "not-associated"));
		assertThat(this.recorded).extracting(CredentialDenial::repeatCount).containsExactly(1, 1, 1);
		this.clock.advance(Duration.ofSeconds(61));
		this.denials.flushExpired();
		assertThat(this.recorded).hasSize(3);
	}

	private static CredentialDenial denial(String content, String reason) {
		return new CredentialDenial(UUID.randomUUID(), Instant.now(), "corr", content, content,
				CredentialDenial.CONTENT, content, "i-1", List.of("read"),
				"urn:ietf:params:oauth:grant-type:token-exchange", "unauthorized_client", reason);
	}

}
