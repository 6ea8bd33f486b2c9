package dev.lanyard.audit.ledger;

import java.time.Clock;

import dev.lanyard.audit.ledger.adapter.file.SigningKeyFile;
import dev.lanyard.audit.ledger.adapter.jdbc.JdbcLedgerStore;
import dev.lanyard.audit.ledger.adapter.jdbc.JdbcRetention;
import dev.lanyard.audit.ledger.application.AppendToLog;
import dev.lanyard.audit.ledger.application.ApplyRetention;
import dev.lanyard.audit.ledger.application.ExportBundle;
import dev.lanyard.audit.ledger.application.LedgerStore;
import dev.lanyard.audit.ledger.application.ProveRange;
import dev.lanyard.audit.ledger.application.SignCheckpoint;
import dev.lanyard.audit.ledger.application.VerifyLog;
import dev.lanyard.audit.ledger.domain.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the tamper-evident log's use cases to PostgreSQL and the signing key file. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LedgerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

	/** Inclusion proofs per call of {@code /api/audit/verify}. */
	private static final int MAX_PROVEN_LEAVES = 1000;

	@Bean
	NoteSigner ledgerSigner(LedgerProperties properties) {
		NoteSigner signer = SigningKeyFile.load(properties.signingKeyFile(), properties.origin(),
				properties.generateSigningKeyFile());
		log.info("Audit log {} signs checkpoints with verifier key {}", properties.origin(),
				signer.key().verifierKey());
		return signer;
	}

	@Bean
	JdbcLedgerStore ledgerStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		return new JdbcLedgerStore(jdbc, transactions);
	}

	@Bean
	AppendToLog appendToLog(LedgerStore store, LedgerProperties properties) {
		return new AppendToLog(store, properties.batchSize());
	}

	@Bean
	SignCheckpoint signCheckpoint(LedgerStore store, NoteSigner signer, LedgerProperties properties) {
		return new SignCheckpoint(store, signer, properties.origin(), Clock.systemUTC(),
				properties.checkpointInterval());
	}

	@Bean
	ProveRange proveRange(LedgerStore store) {
		return new ProveRange(store, MAX_PROVEN_LEAVES);
	}

	@Bean
	VerifyLog verifyLog(LedgerStore store, NoteSigner signer, LedgerProperties properties) {
		return new VerifyLog(store, signer.key(), properties.origin());
	}

	@Bean
	ExportBundle exportBundle(LedgerStore store, NoteSigner signer, LedgerProperties properties) {
		return new ExportBundle(store, signer.key(), properties.origin());
	}

	/** Only with a retention period: by default the trail keeps every record. */
	@Bean
	@ConditionalOnProperty("lanyard.audit.retention.period")
	RetentionSchedule retentionSchedule(JdbcTemplate jdbc, PlatformTransactionManager transactions,
			RetentionProperties retention, Clock clock) {
		log.info("Audit retention: records go in whole UTC days once older than {}", retention.period());
		return new RetentionSchedule(
				new ApplyRetention(new JdbcRetention(jdbc, transactions), retention.period(), clock),
				retention.interval());
	}

	@Bean
	LedgerSchedule ledgerSchedule(AppendToLog append, SignCheckpoint sign, LedgerProperties properties) {
		return new LedgerSchedule(append, sign, properties.appendInterval());
	}

}
