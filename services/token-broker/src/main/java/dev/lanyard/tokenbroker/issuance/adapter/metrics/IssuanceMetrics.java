package dev.lanyard.tokenbroker.issuance.adapter.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.DenialRecorder;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;

import org.springframework.boot.health.contributor.Status;

/**
 * The figures an operator pages on, counted where every credential passes: tokens issued
 * ({@code lanyard.tokens.issued}, by token type and grant; an exchange is grant
 * {@code token-exchange}) once their TokenIssued event is acknowledged, the time that
 * acknowledgement took ({@code lanyard.audit.ack}, a histogram, by outcome), and refusals
 * ({@code lanyard.tokens.denied}, by grant, OAuth error and reason), and whether the
 * instance is ready for lack of acknowledgements ({@code lanyard.audit.acks.ready}, 1 or
 * 0: health is not a metric, and an alert wants it). Tags never hold a token, a subject
 * or a secret.
 */
public final class IssuanceMetrics {

	static final String ISSUED = "lanyard.tokens.issued";

	static final String DENIED = "lanyard.tokens.denied";

	static final String AUDIT_ACK = "lanyard.audit.ack";

	static final String READY = "lanyard.audit.acks.ready";

	private final MeterRegistry registry;

	private final AuditAckReadiness readiness;

	private final Timer acknowledged;

	private final Timer unacknowledged;

	private final Map<String, Counter> issued = new ConcurrentHashMap<>();

	public IssuanceMetrics(MeterRegistry registry, AuditAckReadiness readiness, Duration ackTimeout) {
		if (registry == null) {
			throw new IllegalArgumentException("registry cannot be null");
		}
		if (readiness == null) {
			throw new IllegalArgumentException("readiness cannot be null");
		}
		if (ackTimeout == null) {
			throw new IllegalArgumentException("ackTimeout cannot be null");
		}
		this.registry = registry;
		this.readiness = readiness;
		this.acknowledged = ackTimer(registry, "acknowledged", ackTimeout);
		this.unacknowledged = ackTimer(registry, "unacknowledged", ackTimeout);
		Gauge.builder(READY, readiness, (indicator) -> Status.UP.equals(indicator.health().getStatus()) ? 1 : 0)
			.description(
					"1 while TokenIssued events are acknowledged, 0 while the instance is not ready for lack of it")
			.register(registry);
	}

	/** {@code trail}, measured: each record's ack time, and the issuance once acked. */
	public IssuanceAuditTrail metered(IssuanceAuditTrail trail) {
		if (trail == null) {
			throw new IllegalArgumentException("trail cannot be null");
		}
		return (issuance) -> {
			long started = System.nanoTime();
			try {
				trail.record(issuance);
			}
			catch (AuditTrailUnavailableException ex) {
				this.unacknowledged.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
				this.readiness.unacknowledged();
				throw ex;
			}
			this.acknowledged.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			this.readiness.acknowledged();
			issuedCounter(issuance.tokenType(), grant(issuance.grantType())).increment();
		};
	}

	/** {@code recorder}, counting every refusal it is given (before any aggregation). */
	public DenialRecorder counted(DenialRecorder recorder) {
		if (recorder == null) {
			throw new IllegalArgumentException("recorder cannot be null");
		}
		return (denial) -> {
			Counter.builder(DENIED)
				.description("Credentials refused, by grant, OAuth error and reason")
				.tag("grant", grant(denial.grantType()))
				.tag("error", denial.error())
				.tag("reason", denial.reason())
				.register(this.registry)
				.increment();
			recorder.record(denial);
		};
	}

	/** The grant's last word: {@code token-exchange} for the RFC 8693 URN. */
	static String grant(String grantType) {
		return grantType.substring(grantType.lastIndexOf(':') + 1);
	}

	private Counter issuedCounter(String tokenType, String grant) {
		return this.issued.computeIfAbsent(tokenType + ' ' + grant,
				(key) -> Counter.builder(ISSUED)
					.description("Tokens handed out (their TokenIssued event acknowledged), by token type and grant")
					.tag("token_type", tokenType)
					.tag("grant", grant)
					.register(this.registry));
	}

	private static Timer ackTimer(MeterRegistry registry, String outcome, Duration ackTimeout) {
		return Timer.builder(AUDIT_ACK)
			.description("Time from sending a TokenIssued event to Kafka's acknowledgement (or giving up)")
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(ackTimeout.plusSeconds(1))
			.register(registry);
	}

}
