package dev.lanyard.provisioning.scim.adapter.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.lanyard.provisioning.scim.ScimException;
import dev.lanyard.provisioning.scim.domain.AttributePath;
import dev.lanyard.provisioning.scim.domain.FilterParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FilterSqlTest {

	private static final FilterSql.Columns COLUMNS = (path) -> switch (path.attribute()) {
		case "userName" -> Optional.of(new FilterSql.Column("u.name", FilterSql.Type.TEXT_IGNORE_CASE));
		case "externalId" -> Optional.of(new FilterSql.Column("s.external_id", FilterSql.Type.TEXT));
		default -> Optional.empty();
	};

	@Test
	void translateWhenValuesThenOnlyParametersCarryThem() {
		List<Object> params = new ArrayList<>();
		String sql = FilterSql.translate(
				FilterParser.parse("userName eq \"x' OR '1'='1\" or externalId eq \"a\\\"; DROP TABLE users;--\""),
				COLUMNS, params);
		assertThat(sql).isEqualTo("(lower(u.name) = lower(?) OR s.external_id = ?)");
		assertThat(params).containsExactly("x' OR '1'='1", "a\"; DROP TABLE users;--");
	}

	@Test
	void translateWhenLikeWildcardsInValueThenEscaped() {
		List<Object> params = new ArrayList<>();
		FilterSql.translate(FilterParser.parse("userName sw \"a%_\""), COLUMNS, params);
		assertThat(params).containsExactly("a\\%\\_%");
	}

	@Test
	void translateWhenAttributeNotMappedThenInvalidFilterNamingIt() {
		assertThatExceptionOfType(ScimException.class)
			.isThrownBy(() -> FilterSql.translate(FilterParser.parse("title eq \"x\""), COLUMNS, new ArrayList<>()))
			.satisfies((ex) -> {
				assertThat(ex.error().scimType()).isEqualTo("invalidFilter");
				assertThat(ex.error().detail()).contains("title");
			});
	}

	@Test
	void translateWhenOrderingOperatorThenInvalidFilter() {
		assertThatExceptionOfType(ScimException.class)
			.isThrownBy(() -> FilterSql.translate(FilterParser.parse("userName gt \"x\""), COLUMNS, new ArrayList<>()))
			.satisfies((ex) -> assertThat(ex.error().detail()).contains("'gt'"));
	}

	@Test
	void translateWhenValuePathWithoutElementColumnsThenInvalidFilter() {
		assertThatExceptionOfType(ScimException.class).isThrownBy(() -> FilterSql
			.translate(FilterParser.parse("emails[type eq \"work\"].value eq \"x\""), COLUMNS, new ArrayList<>()));
		assertThat(AttributePath.of("x")).isNotNull();
	}

}
