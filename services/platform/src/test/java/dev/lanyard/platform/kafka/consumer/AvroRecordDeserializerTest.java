package dev.lanyard.platform.kafka.consumer;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicReference;

import com.microsoft.kiota.ApiException;
import io.vertx.core.http.HttpClosedException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import dev.lanyard.events.UserSignedOut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AvroRecordDeserializerTest {

	private static final String TOPIC = "lanyard.identity.user-signed-out.v1";

	private static final byte[] BYTES = { 0, 0, 0, 0, 7, 1, 2, 3 };

	private final AtomicReference<Object> read = new AtomicReference<>();

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	private final Deserializer<Object> avro = (topic, data) -> {
		if (this.failure.get() != null) {
			throw this.failure.get();
		}
		return this.read.get();
	};

	private final AvroRecordDeserializer<ReadEvent<SpecificRecord>> deserializer = new AvroRecordDeserializer<>(
			this.avro, RecordReader.anyEventWithBytes());

	@Test
	void constructorWhenAvroNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AvroRecordDeserializer<>(null, RecordReader.anyEvent()))
			.withMessage("avro cannot be null");
	}

	@Test
	void constructorWhenReaderNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AvroRecordDeserializer<>(this.avro, null))
			.withMessage("reader cannot be null");
	}

	@Test
	void deserializeWhenTombstoneThenNull() {
		assertThat(this.deserializer.deserialize(TOPIC, null)).isNull();
	}

	@Test
	void deserializeWhenEventThenReadWithItsRawBytes() {
		UserSignedOut event = TestEvents.signedOut();
		this.read.set(event);
		ReadEvent<SpecificRecord> value = this.deserializer.deserialize(TOPIC, BYTES);
		assertThat(value.event()).isSameAs(event);
		assertThat(value.raw()).isEqualTo(BYTES);
	}

	@Test
	void deserializeWhenAvroReadsNothingThenUnreadable() {
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES))
			.withMessage("The Avro deserializer read nothing from a non-empty value");
	}

	@Test
	void deserializeWhenNotAnAvroEventThenUnreadableNamingTheType() {
		this.read.set("not an event");
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES))
			.withMessage("Not a Lanyard Avro event: java.lang.String");
	}

	@Test
	void deserializeWhenRegistryRefusedConnectionThenRegistryUnavailable() {
		this.failure.set(new IllegalStateException("wrapped", new ConnectException("Connection refused")));
		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES))
			.withMessage("Schema registry unreachable: java.net.ConnectException");
	}

	// token-broker's copy missed this one and dead-lettered records whose registry
	// connection closed mid-request
	@Test
	void deserializeWhenRegistryConnectionClosedThenRegistryUnavailable() {
		this.failure.set(new IllegalStateException("wrapped", new HttpClosedException("Connection was closed")));
		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES))
			.withMessage("Schema registry unreachable: io.vertx.core.http.HttpClosedException");
	}

	@Test
	void deserializeWhenRegistryAnswers503ThenRegistryUnavailable() {
		this.failure.set(apiException(503));
		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES))
			.withMessage("Schema registry answered HTTP 503");
	}

	@Test
	void deserializeWhenRegistryAnswers429ThenRegistryUnavailable() {
		this.failure.set(apiException(429));
		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES));
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
	void deserializeWhenGarbageWithCauseThenUnreadableNamingBothTypes() {
		this.failure.set(new IllegalStateException("outer", new IllegalArgumentException("payload text")));
		assertThatExceptionOfType(UnreadableRecordException.class)
			.isThrownBy(() -> this.deserializer.deserialize(TOPIC, BYTES))
			.withMessage("Not a readable Lanyard Avro value: java.lang.IllegalStateException caused by "
					+ "java.lang.IllegalArgumentException");
	}

	@Test
	void deserializeWhenReaderFailsThenUnreadableNamingTheTypeOnly() {
		this.read.set(TestEvents.signedOut());
		AvroRecordDeserializer<Object> failing = new AvroRecordDeserializer<>(this.avro, (topic, event, raw) -> {
			throw new IllegalStateException("payload text");
		});
		assertThatExceptionOfType(UnreadableRecordException.class).isThrownBy(() -> failing.deserialize(TOPIC, BYTES))
			.withMessage("Mapping the event failed: java.lang.IllegalStateException");
	}

	@Test
	void deserializeWhenReaderRefusesThenItsUnreadableAsIs() {
		this.read.set(TestEvents.signedOut());
		AvroRecordDeserializer<?> onlyOther = new AvroRecordDeserializer<>(this.avro,
				RecordReader.only(dev.lanyard.events.UserLoggedIn.class));
		assertThatExceptionOfType(UnreadableRecordException.class).isThrownBy(() -> onlyOther.deserialize(TOPIC, BYTES))
			.withMessage("Expected UserLoggedIn on " + TOPIC + ", read UserSignedOut");
	}

	private static ApiException apiException(int status) {
		return new ApiException("status " + status) {
			{
				setResponseStatusCode(status);
			}
		};
	}

}
