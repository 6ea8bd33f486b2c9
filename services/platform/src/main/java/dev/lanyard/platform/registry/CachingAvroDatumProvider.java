package dev.lanyard.platform.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

/**
 * Apicurio's datum provider with its readers found by the writer schema's identity.
 * Apicurio's own cache is keyed by the schema's parsing fingerprint, which it computes
 * again for every record read (a canonical form of the whole schema, then a hash): about
 * a fifth of a consumer's CPU per event. The schema resolver hands out one {@link Schema}
 * instance per registry content id, so the identity is a sound key; the map is cleared
 * should it ever hold more than {@value #MAX_SCHEMAS} instances.
 *
 * @param <T> the records read
 */
public final class CachingAvroDatumProvider<T> extends DefaultAvroDatumProvider<T> {

	static final int MAX_SCHEMAS = 1_000;

	private final Map<IdentityKey, DatumReader<T>> readers = new ConcurrentHashMap<>();

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
