package dev.lanyard.provisioning.login.adapter.kafka;

import java.net.ConnectException;
import java.util.List;
import java.util.UUID;

import dev.lanyard.events.UserLoggedIn;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LoginEventDeserializerTest {

	@Test
	void deserializeWhenRegistryUnreachableThenRetryable() {
		LoginEventDeserializer deserializer = new LoginEventDeserializer(
				failing(new IllegalStateException("wrapped", new ConnectException("Connection refused"))));
		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> deserializer.deserialize("t", new byte[] { 0, 1 }))
			.withMessageContaining("ConnectException");
	}

	@Test
	void deserializeWhenGarbageThenSerializationExceptionNamingTypesOnly() {
		LoginEventDeserializer deserializer = new LoginEventDeserializer(
				failing(new IllegalStateException("Unknown magic byte!")));
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer.deserialize("t", new byte[] { 0x7f }))
			.withMessage("Not a readable UserLoggedIn: java.lang.IllegalStateException");
	}

	@Test
	void deserializeWhenOtherRecordTypeThenSerializationException() {
		LoginEventDeserializer deserializer = new LoginEventDeserializer(returning("not an event"));
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer.deserialize("t", new byte[] { 0 }))
			.withMessageContaining("java.lang.String");
	}

	@Test
	void deserializeWhenUserLoggedInThenReturned() {
		UserLoggedIn login = UserLoggedIn.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(java.time.Instant.now())
			.setCorrelationId("c")
			.setProducer("auth-gateway")
			.setProvider("okta")
			.setIssuer("https://idp")
			.setUniqueId("sub")
			.setSessionId("s")
			.setGroups(List.of())
			.build();
		assertThat(new LoginEventDeserializer(returning(login)).deserialize("t", new byte[] { 0 })).isSameAs(login);
	}

	@Test
	void deserializeWhenNullThenNull() {
		assertThat(new LoginEventDeserializer(returning("x")).deserialize("t", null)).isNull();
	}

	private static Deserializer<Object> failing(RuntimeException failure) {
		return (topic, data) -> {
			throw failure;
		};
	}

	private static Deserializer<Object> returning(Object value) {
		return (topic, data) -> value;
	}

}
