package dev.lanyard.audit.ledger;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tamper-evident log, validated at start-up.
 *
 * @param origin the log's name in its checkpoints and the name of its key (key
 * {@code lanyard.audit.ledger.origin})
 * @param signingKeyFile PEM file with the Ed25519 key that signs checkpoints (key
 * {@code lanyard.audit.ledger.signing-key-file}); required
 * @param generateSigningKeyFile create that file when it is absent (key
 * {@code lanyard.audit.ledger.generate-signing-key-file}); for development
 * @param checkpointInterval longest time between checkpoints while the log grows, at most
 * PT1M (key {@code lanyard.audit.ledger.checkpoint-interval})
 * @param appendInterval pause between two runs of the appender (key
 * {@code lanyard.audit.ledger.append-interval})
 * @param batchSize events per append transaction (key
 * {@code lanyard.audit.ledger.batch-size})
 */
@ConfigurationProperties("lanyard.audit.ledger")
public record LedgerProperties(@DefaultValue("lanyard.local/audit") String origin, Path signingKeyFile,
		@DefaultValue("false") boolean generateSigningKeyFile, @DefaultValue("PT1M") Duration checkpointInterval,
		@DefaultValue("PT1S") Duration appendInterval, @DefaultValue("5000") int batchSize) {

	public LedgerProperties {
		if (origin == null || !origin.matches("[A-Za-z0-9._/:-]+")) {
			throw new IllegalArgumentException(
					"lanyard.audit.ledger.origin must be a name of letters, digits and . _ / : - (no spaces or +)");
		}
		if (signingKeyFile == null) {
			throw new IllegalArgumentException("lanyard.audit.ledger.signing-key-file must be set");
		}
		requirePositive(checkpointInterval, "lanyard.audit.ledger.checkpoint-interval");
		if (checkpointInterval.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("lanyard.audit.ledger.checkpoint-interval must be at most PT1M");
		}
		requirePositive(appendInterval, "lanyard.audit.ledger.append-interval");
		if (batchSize < 1 || batchSize > 50_000) {
			throw new IllegalArgumentException("lanyard.audit.ledger.batch-size must lie between 1 and 50000");
		}
	}

	private static void requirePositive(Duration duration, String key) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException(key + " must be a positive duration");
		}
	}

}
