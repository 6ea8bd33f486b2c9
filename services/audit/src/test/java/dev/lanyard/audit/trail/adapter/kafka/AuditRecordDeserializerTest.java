package dev.lanyard.audit.trail.adapter.kafka;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicReference;

import com.microsoft.kiota.ApiException;
import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.platform.kafka.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditRecordDeserializerTest {

	private static final String TOPIC = Topics.TOKEN_ISSUED.name();

	private static final byte[] BYTES = { 0, 0, 0, 0, 7, 1, 2, 3 };

	private final AtomicReference<Object> read = new AtomicReference<>();

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	private final Deserializer<Object> avro = (topic, data) -> {
		if (this.failure.get() != null) {
			throw this.failure.get();
		}
		return this.read.get();
	};

	private final AuditRecordDeserializer deserializer = new AuditRecordDeserializer(this.avro,
			new AvroEventMapper(Topics.ALL));

	@Test
	void constructorWhenAvroNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditRecordDeserializer(null, new AvroEventMapper(Topics.ALL)))
			.withMessage("avro cannot be null");
	}

	@Test
	void constructorWhenMapperNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditRecordDeserializer(this.avro, null))
			.withMessage("mapper cannot be null");
	}

	@Test
	void deserializeWhenTombstoneThenNull() {
		assertThat(this.deserializer.deserialize(TOPIC, null)).isNull();
	}

	@Test
	void deserializeWhenTokenIssuedThenMappedWithJsonAndRawBytes() {
		TokenIssued issued = TestEvents.tokenIssued().build();
		this.read.set(issued);
		DecodedEvent decoded = this.deserializer.deserialize(TOPIC, BYTES);
		assertThat(decoded.event().eventId()).isEqualTo(issued.getEventId());
		assertThat(decoded.payloadJson()).contains("\"tokenId\":\"jti-1\"");
		assertThat(decoded.raw()).isEqualTo(BYTES);
	}

	@Test
	void deserializeWhenAvroReadsNothingThenUnreadable() {
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES));
	}

	@Test
	void deserializeWhenRegistryRefusedConnectionThenRegistryUnavailable() {
		this.failure.set(new IllegalStateException("wrapped", new ConnectException("Connection refused")));
		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES))
			.withMessage("Schema registry unreachable: java.net.ConnectException");
	}

	@Test
	void deserializeWhenRegistryAnswers503ThenRegistryUnavailable() {
		this.failure.set(apiException(503));
		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES))
			.withMessage("Schema registry answered HTTP 503");
	}

	@Test
	void deserializeWhenSchemaIdUnknownThenUnreadable() {
		this.failure.set(apiException(404));
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES))
			.withMessageStartingWith("Schema registry answered HTTP 404");
	}

	@Test
	void deserializeWhenGarbageThenUnreadableWithoutTheFailureMessage() {
		this.failure.set(new IllegalStateException("payload text"));
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES))
			.withMessage("Not a readable Lanyard Avro value: java.lang.IllegalStateException")
			.withMessageNotContaining("payload text");
	}

	@Test
	void deserializeWhenWrongRecordTypeThenUnreadable() {
		this.read.set(TestEvents.userChanged().build());
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES))
			.withMessageStartingWith("Expected TokenIssued");
	}

	private static ApiException apiException(int status) {
		return new ApiException("status " + status) {
			{
				setResponseStatusCode(status);
			}
		};
	}

}
