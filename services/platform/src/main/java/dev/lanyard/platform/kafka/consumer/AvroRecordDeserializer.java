package dev.lanyard.platform.kafka.consumer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.microsoft.kiota.ApiException;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a value with Apicurio's Avro deserializer, then hands it to a
 * {@link RecordReader}. Runs inside Spring Kafka's {@code ErrorHandlingDeserializer}, so
 * whatever it throws marks the record instead of failing the poll:
 * {@link RegistryUnavailableException} when a later attempt may succeed (registry
 * unreachable, 5xx, 408, 429), otherwise {@link UnreadableRecordException}. Messages
 * carry exception types and field names, never record content. A tombstone (null value)
 * reads as null.
 *
 * @param <T> what the listener takes
 */
public final class AvroRecordDeserializer<T> implements Deserializer<T> {

	private final Deserializer<?> avro;

	private final RecordReader<T> reader;

	public AvroRecordDeserializer(RecordReader<T> reader) {
		this(new AvroKafkaDeserializer<SpecificRecord>(), reader);
	}

	AvroRecordDeserializer(Deserializer<?> avro, RecordReader<T> reader) {
		if (avro == null) {
			throw new IllegalArgumentException("avro cannot be null");
		}
		if (reader == null) {
			throw new IllegalArgumentException("reader cannot be null");
		}
		this.avro = avro;
		this.reader = reader;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.avro.configure(configs, isKey);
	}

	@Override
	public T deserialize(String topic, byte[] data) {
		return deserialize(topic, null, data);
	}

	@Override
	public T deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			return null;
		}
		Object value = read(topic, headers, data);
		if (!(value instanceof SpecificRecord event)) {
			throw new UnreadableRecordException(
					(value != null) ? "Not a Lanyard Avro event: " + value.getClass().getName()
							: "The Avro deserializer read nothing from a non-empty value");
		}
		try {
			return this.reader.read(topic, event, data);
		}
		catch (UnreadableRecordException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new UnreadableRecordException("Mapping the event failed: " + ex.getClass().getName());
		}
	}

	private Object read(String topic, Headers headers, byte[] data) {
		try {
			return (headers != null) ? this.avro.deserialize(topic, headers, data) : this.avro.deserialize(topic, data);
		}
		catch (RuntimeException ex) {
			throw classify(ex);
		}
	}

	@Override
	public void close() {
		this.avro.close();
	}

	/** Whether asking again may help: transport failures and 5xx/408/429 answers, yes. */
	static RuntimeException classify(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiException api) {
				int status = api.getResponseStatusCode();
				if (status >= 500 || status == 429 || status == 408) {
					return new RegistryUnavailableException("Schema registry answered HTTP " + status);
				}
				return new UnreadableRecordException("Schema registry answered HTTP " + status
						+ " for the record's schema id (" + api.getClass().getName() + ")");
			}
			if (isTransport(cause)) {
				return new RegistryUnavailableException("Schema registry unreachable: " + cause.getClass().getName());
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return new UnreadableRecordException(
				"Not a readable Lanyard Avro value: " + failure.getClass().getName() + rootCauseName(failure));
	}

	private static boolean isTransport(Throwable cause) {
		return cause instanceof ConnectException || cause instanceof SocketTimeoutException
				|| cause instanceof HttpTimeoutException || cause instanceof UnknownHostException
				|| cause instanceof NoRouteToHostException || cause instanceof TimeoutException
				|| (cause instanceof IOException && cause.getClass().getName().startsWith("io.vertx."))
				|| cause.getClass().getName().equals("io.vertx.core.http.HttpClosedException");
	}

	private static String rootCauseName(Throwable failure) {
		Throwable root = failure;
		for (int depth = 0; depth < 32 && root.getCause() != null && root.getCause() != root; depth++) {
			root = root.getCause();
		}
		return (root != failure) ? " caused by " + root.getClass().getName() : "";
	}

}
