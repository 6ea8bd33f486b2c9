package dev.lanyard.provisioning.scim.domain;

import java.math.BigDecimal;

import dev.lanyard.provisioning.scim.ScimException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FilterParserTest {

	@Test
	void parseWhenEqOnUserNameThenCompare() {
		Filter filter = FilterParser.parse("userName eq \"bjensen\"");
		assertThat(filter).isEqualTo(new Filter.Compare(AttributePath.of("userName"), Filter.Operator.EQ, "bjensen"));
	}

	@Test
	void parseWhenOperatorsAndKeywordsInAnyCaseThenParsed() {
		Filter filter = FilterParser.parse("userName EQ \"a\" AND Active Eq true");
		assertThat(filter).isInstanceOf(Filter.And.class);
		Filter.And and = (Filter.And) filter;
		assertThat(((Filter.Compare) and.right()).path().is("active")).isTrue();
		assertThat(((Filter.Compare) and.right()).value()).isEqualTo(Boolean.TRUE);
	}

	@Test
	void parseWhenRfcExamplesThenParsed() {
		// RFC 7644 §3.4.2.2's examples
		String[] examples = { "name.familyName co \"O'Malley\"", "userName sw \"J\"",
				"urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"", "title pr",
				"meta.lastModified gt \"2011-05-13T04:42:34Z\"", "meta.lastModified ge \"2011-05-13T04:42:34Z\"",
				"title pr and userType eq \"Employee\"", "title pr or userType eq \"Intern\"",
				"schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
				"userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
				"userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
				"userType eq \"Employee\" and (emails.type eq \"work\")",
				"userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
				"emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]" };
		for (String example : examples) {
			assertThat(FilterParser.parse(example)).as(example).isNotNull();
		}
	}

	@Test
	void parseWhenAndBindsTighterThanOrThenOrAtTop() {
		Filter filter = FilterParser.parse("a eq 1 or b eq 2 and c eq 3");
		assertThat(filter).isInstanceOf(Filter.Or.class);
		assertThat(((Filter.Or) filter).right()).isInstanceOf(Filter.And.class);
		assertThat(((Filter.Compare) ((Filter.Or) filter).left()).value()).isEqualTo(new BigDecimal("1"));
	}

	@Test
	void parseWhenEntraWorkEmailFilterThenValuePathWithSubAttribute() {
		Filter filter = FilterParser.parse("emails[type eq \"work\"].value eq \"ada@example.com\"");
		Filter.Compare compare = (Filter.Compare) filter;
		assertThat(compare.path().is("emails")).isTrue();
		assertThat(compare.path().subAttribute()).isEqualTo("value");
		assertThat(compare.path().valueFilter())
			.isEqualTo(new Filter.Compare(AttributePath.of("type"), Filter.Operator.EQ, "work"));
		assertThat(compare.value()).isEqualTo("ada@example.com");
	}

	@Test
	void parseWhenEnterpriseUrnThenSchemaAndAttribute() {
		Filter.Compare compare = (Filter.Compare) FilterParser
			.parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"R&D\"");
		assertThat(compare.path().schema()).isEqualTo(ScimSchemas.ENTERPRISE_USER);
		assertThat(compare.path().attribute()).isEqualTo("department");
	}

	@Test
	void parseWhenStringEscapesThenDecoded() {
		Filter.Compare compare = (Filter.Compare) FilterParser.parse("userName eq \"a\\\"b\\\\c\\u0041\"");
		assertThat(compare.value()).isEqualTo("a\"b\\cA");
	}

	@Test
	void parseWhenInjectionAttemptThenItIsJustAString() {
		Filter.Compare compare = (Filter.Compare) FilterParser.parse("userName eq \"x' OR '1'='1\"");
		assertThat(compare.value()).isEqualTo("x' OR '1'='1");
	}

	@Test
	void parseWhenUnterminatedStringThenInvalidFilter() {
		assertInvalid("userName eq \"abc");
	}

	@Test
	void parseWhenUnknownOperatorThenInvalidFilter() {
		assertInvalid("userName like \"abc\"");
	}

	@Test
	void parseWhenMissingValueThenInvalidFilter() {
		assertInvalid("userName eq");
	}

	@Test
	void parseWhenTrailingGarbageThenInvalidFilter() {
		assertInvalid("userName eq \"a\" )");
	}

	@Test
	void parseWhenUnbalancedParenthesesThenInvalidFilter() {
		assertInvalid("(userName eq \"a\"");
	}

	@Test
	void parseWhenNestedTooDeepThenInvalidFilter() {
		String deep = "(".repeat(11) + "userName eq \"a\"" + ")".repeat(11);
		assertThatExceptionOfType(ScimException.class).isThrownBy(() -> FilterParser.parse(deep))
			.satisfies((ex) -> assertThat(ex.error().detail()).contains("nested deeper"));
		assertThat(FilterParser.parse("(".repeat(10) + "userName eq \"a\"" + ")".repeat(10))).isNotNull();
	}

	@Test
	void parseWhenLongerThanLimitThenInvalidFilter() {
		String filter = "userName eq \"" + "a".repeat(FilterParser.MAX_LENGTH) + "\"";
		assertInvalid(filter);
	}

	@Test
	void parseWhenNestedValueFilterThenInvalidFilter() {
		assertInvalid("emails[type eq \"work\" and x[y eq 1]]");
	}

	@Test
	void parseWhenEmptyThenInvalidFilter() {
		assertInvalid("  ");
	}

	@Test
	void parsePathWhenMembersValueFilterThenPath() {
		AttributePath path = FilterParser.parsePath("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]");
		assertThat(path.is("members")).isTrue();
		assertThat(path.valueFilter()).isEqualTo(new Filter.Compare(AttributePath.of("value"), Filter.Operator.EQ,
				"2819c223-7f76-453a-919d-413861904646"));
	}

	@Test
	void parsePathWhenSubAttributeThenPath() {
		assertThat(FilterParser.parsePath("name.givenName")).isEqualTo(AttributePath.of("name", "givenName"));
	}

	@Test
	void parsePathWhenGarbageThenInvalidPath() {
		assertThatExceptionOfType(ScimException.class).isThrownBy(() -> FilterParser.parsePath("name givenName"))
			.satisfies((ex) -> assertThat(ex.error().scimType()).isEqualTo("invalidPath"));
	}

	private static void assertInvalid(String filter) {
		assertThatExceptionOfType(ScimException.class).isThrownBy(() -> FilterParser.parse(filter)).satisfies((ex) -> {
			assertThat(ex.error().status()).isEqualTo(400);
			assertThat(ex.error().scimType()).isEqualTo("invalidFilter");
		});
	}

}
