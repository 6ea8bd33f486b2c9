package dev.lanyard.platform.registry;

import java.time.Instant;
import java.util.UUID;

import dev.lanyard.events.UserSignedOut;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CachingAvroDatumProviderTest {

	private static final String SCHEMA = """
			{"type": "record", "name": "Probe", "namespace": "dev.lanyard.test",
			 "fields": [{"name": "id", "type": "string"}]}
			""";

	@Test
	void createDatumReaderWhenSameSchemaInstanceThenSameReader() {
		CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
		Schema schema = new Schema.Parser().parse(SCHEMA);

		DatumReader<Object> first = provider.createDatumReader(schema);

		assertThat(provider.createDatumReader(schema)).isSameAs(first);
	}

	@Test
	void createDatumReaderWhenEqualSchemaOfAnotherInstanceThenReaderForThatSchema() {
		CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
		Schema one = new Schema.Parser().parse(SCHEMA);
		Schema other = new Schema.Parser().parse(SCHEMA.replace("\"id\"", "\"name\""));

		DatumReader<Object> forOne = provider.createDatumReader(one);
		DatumReader<Object> forOther = provider.createDatumReader(other);

		assertThat(forOther).isNotSameAs(forOne);
	}

	@Test
	void createDatumReaderWhenMoreSchemasThanTheBoundThenStillAnswers() {
		CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
		Schema last = null;
		for (int i = 0; i <= CachingAvroDatumProvider.MAX_SCHEMAS; i++) {
			last = new Schema.Parser().parse(SCHEMA);
			assertThat(provider.createDatumReader(last)).isNotNull();
		}

		assertThat(provider.createDatumReader(last)).isSameAs(provider.createDatumReader(last));
	}

	@Test
	void createDatumReaderWhenSchemaNullThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CachingAvroDatumProvider<>().createDatumReader(null))
			.withMessage("schema cannot be null");
	}

	@Test
	void createDatumWriterWhenSameSchemaInstanceThenSameWriter() {
		CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
		UserSignedOut event = signedOut();
		Schema schema = event.getSchema();

		DatumWriter<Object> first = provider.createDatumWriter(event, schema);

		assertThat(first).isInstanceOf(SpecificDatumWriter.class);
		assertThat(provider.createDatumWriter(signedOut(), schema)).isSameAs(first);
	}

	@Test
	void createDatumWriterWhenGenericRecordOfTheSameSchemaThenGenericWriter() {
		CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
		Schema schema = new Schema.Parser().parse(SCHEMA);
		GenericData.Record generic = new GenericData.Record(schema);
		generic.put("id", "p-1");
		Object plain = new Object() {
		};

		DatumWriter<Object> forGeneric = provider.createDatumWriter(generic, schema);

		assertThat(forGeneric).isInstanceOf(GenericDatumWriter.class).isNotInstanceOf(SpecificDatumWriter.class);
		assertThat(provider.createDatumWriter(signedOut(), schema)).isNotSameAs(forGeneric)
			.isInstanceOf(SpecificDatumWriter.class);
		assertThat(provider.createDatumWriter(plain, schema)).isSameAs(forGeneric);
	}

	@Test
	void createDatumWriterWhenOtherSchemaInstanceThenWriterForThatSchema() {
		CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
		Schema one = new Schema.Parser().parse(SCHEMA);
		Schema other = new Schema.Parser().parse(SCHEMA.replace("\"id\"", "\"name\""));
		GenericData.Record record = new GenericData.Record(one);

		DatumWriter<Object> forOne = provider.createDatumWriter(record, one);

		assertThat(provider.createDatumWriter(record, other)).isNotSameAs(forOne);
	}

	@Test
	void createDatumWriterWhenMoreSchemasThanTheBoundThenStillAnswers() {
		CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
		Schema last = null;
		for (int i = 0; i <= CachingAvroDatumProvider.MAX_SCHEMAS; i++) {
			last = new Schema.Parser().parse(SCHEMA);
			assertThat(provider.createDatumWriter(new GenericData.Record(last), last)).isNotNull();
		}
		GenericData.Record record = new GenericData.Record(last);

		assertThat(provider.createDatumWriter(record, last)).isSameAs(provider.createDatumWriter(record, last));
	}

	@Test
	void createDatumWriterWhenSchemaNullThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CachingAvroDatumProvider<>().createDatumWriter(signedOut(), null))
			.withMessage("schema cannot be null");
	}

	private static UserSignedOut signedOut() {
		return UserSignedOut.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.EPOCH)
			.setCorrelationId("c-1")
			.setProducer("test")
			.setUserId("u-1")
			.setSessionId("s-1")
			.build();
	}

}
