package dev.lanyard.platform.registry;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
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

}
