package dev.lanyard.audit.ledger.service;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.lanyard.audit.ledger.application.AppendToLog;
import dev.lanyard.audit.ledger.application.ExportBundle;
import dev.lanyard.audit.ledger.application.ProveRange;
import dev.lanyard.audit.ledger.application.SignCheckpoint;
import dev.lanyard.audit.ledger.application.VerifyLog;
import dev.lanyard.audit.ledger.domain.Verdict;
import dev.lanyard.launcher.Infrastructure;
import dev.lanyard.testing.infrastructure.ServiceUnderTest;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import dev.lanyard.testing.jwt.TestJwks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the log at {@code -Dledger.scale=<leaves>} (e.g. 100000) against real
 * PostgreSQL: append, sign, 1000 inclusion proofs, full check, bundle export. Prints the
 * timings; off unless the property is set, as it takes minutes on a shared machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "ledger.scale", matches = "[0-9]+")
class LedgerScaleIT extends ServiceUnderTest {

	private static final TestJwks jwks = new TestJwks("audit");

	@Autowired
	private AppendToLog append;

	@Autowired
	private SignCheckpoint sign;

	@Autowired
	private ProveRange prove;

	@Autowired
	private VerifyLog verify;

	@Autowired
	private ExportBundle export;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure infrastructure = SharedInfrastructure.register(registry, "audit");
		registry.add("spring.kafka.consumer.group-id", () -> "audit-scale-it-" + UUID.randomUUID());
		registry.add("lanyard.audit.issuer", () -> TestJwks.ISSUER);
		registry.add("lanyard.audit.jwk-set-uri", jwks::jwkSetUri);
		// the measurement drives the appender itself
		registry.add("lanyard.audit.ledger.append-interval", () -> "PT1H");
		infrastructure.registryUrl();
	}

	@Test
	void measureWhenManyLeavesThenPrintsTimings() throws Exception {
		int leaves = Integer.getInteger("ledger.scale");
		this.jdbc.update("""
				INSERT INTO audit_event (event_id, event_type, topic, kafka_partition, kafka_offset, occurred_at,
					correlation_id, producer, outcome, payload)
				SELECT gen_random_uuid(), 'TokenIssued', 'bench', 0, g, now(), 'corr-' || g, 'bench', 'success',
					jsonb_build_object('tokenId', 'jti-' || g, 'scopes', jsonb_build_array('read', 'write'),
						'subjectId', 'content-' || (g % 100), 'tokenSha256', md5(g::text) || md5(g::text), 'n', g)
				FROM generate_series(1, ?) g
				""", leaves);
		long started = System.nanoTime();
		long appended = this.append.appendPending();
		long appendMs = millis(started);
		started = System.nanoTime();
		this.sign.signNow();
		long signMs = millis(started);
		long size = this.jdbc.queryForObject("SELECT tree_size FROM ledger_state", Long.class);
		started = System.nanoTime();
		ProveRange.Proofs proofs = this.prove.prove(size / 2, size / 2 + 1000);
		long proveMs = millis(started);
		started = System.nanoTime();
		Verdict verdict = this.verify.verify();
		long verifyMs = millis(started);
		started = System.nanoTime();
		try (Writer out = new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8)) {
			this.export.export(this.export.range(0, null), out);
		}
		long exportMs = millis(started);
		System.out.printf(
				"LEDGER SCALE size=%d appended=%d append=%dms (%.0f leaves/s) sign=%dms"
						+ " prove1000=%dms fullCheck=%dms (%.0f leaves/s) exportAll=%dms%n",
				size, appended, appendMs, appended * 1000.0 / Math.max(1, appendMs), signMs, proveMs, verifyMs,
				size * 1000.0 / Math.max(1, verifyMs), exportMs);
		assertThat(verdict.isOk()).as(verdict.toString()).isTrue();
		assertThat(proofs.inclusions()).hasSize(1000);
	}

	private static long millis(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
