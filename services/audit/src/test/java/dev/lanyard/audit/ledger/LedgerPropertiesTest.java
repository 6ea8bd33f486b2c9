package dev.lanyard.audit.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LedgerPropertiesTest {

	private static final Path KEY = Path.of("/tmp/key.pem");

	@Test
	void bindWhenOnlyKeyFileSetThenDefaults() {
		LedgerProperties properties = bind(Map.of("LANYARD_AUDIT_LEDGER_SIGNING_KEY_FILE", "/tmp/key.pem"));
		assertThat(properties).isEqualTo(new LedgerProperties("lanyard.local/audit", KEY, false, Duration.ofMinutes(1),
				Duration.ofSeconds(1), 5000));
	}

	@Test
	void bindWhenKeyFileMissingThenFailsNamingKey() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of()))
			.satisfies(
					(ex) -> assertThat(ex).rootCause().hasMessage("lanyard.audit.ledger.signing-key-file must be set"));
	}

	@Test
	void constructorWhenCheckpointIntervalOverAMinuteThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LedgerProperties("log", KEY, false, Duration.ofMinutes(2), Duration.ofSeconds(1), 1))
			.withMessage("lanyard.audit.ledger.checkpoint-interval must be at most PT1M");
	}

	@Test
	void constructorWhenOriginHasSpaceThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new LedgerProperties("my log", KEY, false, Duration.ofMinutes(1), Duration.ofSeconds(1), 1))
			.withMessageStartingWith("lanyard.audit.ledger.origin must be");
	}

	@Test
	void constructorWhenAppendIntervalZeroThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LedgerProperties("log", KEY, false, Duration.ofMinutes(1), Duration.ZERO, 1))
			.withMessage("lanyard.audit.ledger.append-interval must be a positive duration");
	}

	@Test
	void constructorWhenBatchSizeZeroThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LedgerProperties("log", KEY, false, Duration.ofMinutes(1), Duration.ofSeconds(1), 0))
			.withMessage("lanyard.audit.ledger.batch-size must lie between 1 and 50000");
	}

	private static LedgerProperties bind(Map<String, Object> environment) {
		Binder binder = new Binder(ConfigurationPropertySources.from(List.of(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment))));
		return binder.bindOrCreate("lanyard.audit.ledger", LedgerProperties.class);
	}

}
