package dev.lanyard.launcher.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lanyard.launcher.settings.StateDirectory;
import dev.lanyard.platform.kafka.KafkaAccesses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaCredentialsTest {

	@TempDir
	Path folder;

	@Test
	void loadOrCreateWhenFirstCalledThenOnePasswordPerServiceInPrivateFile() throws Exception {
		StateDirectory state = new StateDirectory(this.folder);
		KafkaCredentials credentials = KafkaCredentials.loadOrCreate(state);
		assertThat(credentials.servicePasswords()).hasSize(KafkaAccesses.ALL.size());
		assertThat(credentials.servicePasswords().values()).doesNotHaveDuplicates()
			.allSatisfy((password) -> assertThat(password).hasSizeGreaterThanOrEqualTo(43));
		assertThat(credentials.adminPassword()).hasSizeGreaterThanOrEqualTo(43);
		Path file = state.file(KafkaCredentials.FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void loadOrCreateWhenCalledAgainThenSamePasswords() {
		StateDirectory state = new StateDirectory(this.folder);
		assertThat(KafkaCredentials.loadOrCreate(state)).isEqualTo(KafkaCredentials.loadOrCreate(state));
	}

	@Test
	void toStringWhenPrintedThenNoPassword() {
		KafkaCredentials credentials = KafkaCredentials.loadOrCreate(new StateDirectory(this.folder));
		assertThat(credentials.toString()).doesNotContain(credentials.adminPassword())
			.doesNotContain(credentials.passwordOf("audit"));
	}

	@Test
	void serviceClientPropertiesWhenServiceThenScramWithItsOwnName() {
		KafkaCredentials credentials = KafkaCredentials.loadOrCreate(new StateDirectory(this.folder));
		Map<String, Object> properties = credentials.serviceClientProperties("audit");
		assertThat(properties).containsEntry("security.protocol", "SASL_PLAINTEXT")
			.containsEntry("sasl.mechanism", "SCRAM-SHA-512");
		assertThat((String) properties.get("sasl.jaas.config")).contains("username=\"audit\"");
	}

	@Test
	void passwordOfWhenUnknownServiceThenThrows() {
		KafkaCredentials credentials = KafkaCredentials.loadOrCreate(new StateDirectory(this.folder));
		assertThatIllegalArgumentException().isThrownBy(() -> credentials.passwordOf("stranger"))
			.withMessage("No Kafka user is declared for stranger");
	}

	@Test
	void constructorWhenAdminPasswordShortThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KafkaCredentials("short", Map.of()))
			.withMessage("adminPassword must be at least 32 characters");
	}

	@Test
	void jaasWhenPasswordHasQuoteThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaClientSecurity.jaas("Module", "audit", "pass\"word"))
			.withMessageStartingWith("password must be");
	}

}
