package dev.lanyard.platform.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Apicurio's datum provider with its readers and writers found by the schema's identity.
 * Apicurio's own caches are keyed by the schema's parsing fingerprint, which it computes
 * again for every record read or written (a canonical form of the whole schema, then a
 * hash): about a fifth of a consumer's CPU per event, and the same on every acknowledged
 * send a token or a sign-in waits for. The schema resolver hands out one {@link Schema}
 * instance per registry content id, and the serializer keeps the one it resolved per
 * record class, so the identity is a sound key; each map is cleared should it ever hold
 * more than {@value #MAX_SCHEMAS} instances.
 *
 * @param <T> the records read or written
 */
public final class CachingAvroDatumProvider<T> extends DefaultAvroDatumProvider<T> {

	static final int MAX_SCHEMAS = 1_000;

	private final Map<IdentityKey, DatumReader<T>> readers = new ConcurrentHashMap<>();

	private final Map<WriterKey, DatumWriter<T>> writers = new ConcurrentHashMap<>();

	@Override
	public DatumReader<T> createDatumReader(Schema schema) {
		if (schema == null) {
			throw new IllegalArgumentException("schema cannot be null");
		}
		DatumReader<T> reader = this.readers.get(new IdentityKey(schema));
		if (reader != null) {
			return reader;
		}
		if (this.readers.size() >= MAX_SCHEMAS) {
			this.readers.clear();
		}
		reader = super.createDatumReader(schema);
		this.readers.put(new IdentityKey(schema), reader);
		return reader;
	}

	@Override
	public DatumWriter<T> createDatumWriter(T data, Schema schema) {
		if (schema == null) {
			throw new IllegalArgumentException("schema cannot be null");
		}
		// as Apicurio's own key: a generated record gets a specific writer, anything
		// else a generic one
		WriterKey key = new WriterKey(new IdentityKey(schema), data instanceof SpecificRecord);
		DatumWriter<T> writer = this.writers.get(key);
		if (writer != null) {
			return writer;
		}
		if (this.writers.size() >= MAX_SCHEMAS) {
			this.writers.clear();
		}
		writer = super.createDatumWriter(data, schema);
		this.writers.put(key, writer);
		return writer;
	}

	private record WriterKey(IdentityKey schema, boolean specific) {

	}

	/** Equal only to a key of the very same schema instance. */
	private record IdentityKey(Schema schema) {

		@Override
		public boolean equals(Object other) {
			return other instanceof IdentityKey key && key.schema == this.schema;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.schema);
		}

	}

}
