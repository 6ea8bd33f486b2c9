package dev.lanyard.tokenbroker.readmodels.adapter.kafka;

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
 * Reads a value with Apicurio's Avro deserializer and keeps its bytes. Runs inside Spring
 * Kafka's {@code ErrorHandlingDeserializer}, so what it throws marks the record instead
 * of failing the poll: {@link RegistryUnavailableException} when a later attempt may
 * succeed, {@link UnreadableRecordException} otherwise.
 */
public final class ReadModelRecordDeserializer implements Deserializer<ReadModelRecord> {

	private final Deserializer<?> avro;

	public ReadModelRecordDeserializer() {
		this(new AvroKafkaDeserializer<SpecificRecord>());
	}

	ReadModelRecordDeserializer(Deserializer<?> avro) {
		if (avro == null) {
			throw new IllegalArgumentException("avro cannot be null");
		}
		this.avro = avro;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.avro.configure(configs, isKey);
	}

	@Override
	public ReadModelRecord deserialize(String topic, byte[] data) {
		return deserialize(topic, null, data);
	}

	@Override
	public ReadModelRecord deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			// a tombstone on a compacted topic
			return null;
		}
		Object value;
		try {
			value = (headers != null) ? this.avro.deserialize(topic, headers, data)
					: this.avro.deserialize(topic, data);
		}
		catch (RuntimeException ex) {
			throw classify(ex);
		}
		if (!(value instanceof SpecificRecord event)) {
			throw new UnreadableRecordException("Not a Lanyard Avro event: "
					+ ((value != null) ? value.getClass().getName() : "nothing read from a non-empty value"));
		}
		return new ReadModelRecord(event, data);
	}

	@Override
	public void close() {
		this.avro.close();
	}

	/** Whether asking again may help: transport failures and 5xx/429 answers, yes. */
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
		return new UnreadableRecordException("Not a readable Lanyard Avro value: " + failure.getClass().getName());
	}

	private static boolean isTransport(Throwable cause) {
		return cause instanceof ConnectException || cause instanceof SocketTimeoutException
				|| cause instanceof HttpTimeoutException || cause instanceof UnknownHostException
				|| cause instanceof NoRouteToHostException || cause instanceof TimeoutException
				|| (cause instanceof IOException && cause.getClass().getName().startsWith("io.vertx."));
	}

}
