package dev.lanyard.platform.registry;

import java.util.HashMap;
import java.util.Map;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka client properties for Avro values through Apicurio Registry. Records are framed
 * the Confluent way (magic byte, 4-byte schema id in the payload, no headers) with the
 * registry's content id, which is the id its Confluent-compatible API serves, so
 * Confluent-ecosystem consumers can read Lanyard's topics.
 */
public final class AvroSerdes {

	private AvroSerdes() {
	}

	public static Map<String, Object> producerProperties(RegistryProperties registry) {
		Map<String, Object> props = common(registry);
		props.put("key.serializer", StringSerializer.class.getName());
		props.put("value.serializer", AvroKafkaSerializer.class.getName());
		props.put("apicurio.registry.auto-register", registry.autoRegister());
		props.put("apicurio.registry.find-latest", true);
		// writers found by the schema instance, not by a fingerprint of it per record
		props.put("apicurio.registry.avro-datum-provider", CachingAvroDatumProvider.class.getName());
		return props;
	}

	public static Map<String, Object> consumerProperties(RegistryProperties registry) {
		Map<String, Object> props = common(registry);
		props.put("key.deserializer", StringDeserializer.class.getName());
		props.put("value.deserializer", AvroKafkaDeserializer.class.getName());
		props.put("apicurio.registry.use-specific-avro-reader", true);
		props.put("apicurio.registry.avro-datum-provider", CachingAvroDatumProvider.class.getName());
		return props;
	}

	private static Map<String, Object> common(RegistryProperties registry) {
		Map<String, Object> props = new HashMap<>();
		props.put("apicurio.registry.url", registry.apiUrl());
		props.put("apicurio.registry.headers.enabled", false);
		props.put("apicurio.registry.use-id", "contentId");
		return props;
	}

}
