package dev.lanyard.provisioning.login.adapter.kafka;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Map;

import com.microsoft.kiota.ApiException;
import dev.lanyard.events.UserLoggedIn;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a UserLoggedIn with Apicurio's Avro deserializer. Runs inside Spring Kafka's
 * {@code ErrorHandlingDeserializer}: a {@link RegistryUnavailableException} (registry
 * unreachable or answering 5xx) is retried, anything else sends the record to the dead
 * letter topic. Messages name exception types, never record content.
 */
public final class LoginEventDeserializer implements Deserializer<UserLoggedIn> {

	private final Deserializer<Object> avro;

	public LoginEventDeserializer() {
		this(new AvroKafkaDeserializer<>());
	}

	LoginEventDeserializer(Deserializer<Object> avro) {
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
	public UserLoggedIn deserialize(String topic, byte[] data) {
		return deserialize(topic, null, data);
	}

	@Override
	public UserLoggedIn deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
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
		if (value instanceof UserLoggedIn login) {
			return login;
		}
		throw new SerializationException(
				"Not a UserLoggedIn: " + ((value != null) ? value.getClass().getName() : "nothing was read"));
	}

	@Override
	public void close() {
		this.avro.close();
	}

	static RuntimeException classify(RuntimeException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiException api) {
				int status = api.getResponseStatusCode();
				if (status >= 500 || status == 429 || status == 408) {
					return new RegistryUnavailableException("Schema registry answered HTTP " + status, failure);
				}
				return new SerializationException(
						"Schema registry answered HTTP " + status + " for the record's schema id", failure);
			}
			if (isTransport(cause)) {
				return new RegistryUnavailableException("Schema registry unreachable: " + cause.getClass().getName(),
						failure);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return new SerializationException("Not a readable UserLoggedIn: " + failure.getClass().getName(), failure);
	}

	private static boolean isTransport(Throwable cause) {
		return cause instanceof ConnectException || cause instanceof SocketTimeoutException
				|| cause instanceof HttpTimeoutException || cause instanceof UnknownHostException
				|| cause instanceof NoRouteToHostException || cause instanceof java.util.concurrent.TimeoutException
				|| (cause instanceof IOException && cause.getClass().getName().startsWith("io.vertx."))
				|| cause.getClass().getName().equals("io.vertx.core.http.HttpClosedException");
	}

}
