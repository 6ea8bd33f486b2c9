package dev.lanyard.provisioning.directory.domain;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UsernamesTest {

	@ParameterizedTest
	@ValueSource(strings = { "ada", "Ada.Lovelace", "grace_hopper", "x12", "Émile",
			"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd" })
	void violationWhenFollowsRuleThenNone(String username) {
		assertThat(Usernames.violation(username)).isEmpty();
	}

	@Test
	void violationWhenTooShortThenNamesLengthRule() {
		assertThat(Usernames.violation("ab"))
			.hasValueSatisfying((message) -> assertThat(message).contains("'ab'").contains("3 to 64 characters long"));
	}

	@Test
	void violationWhenTooLongThenNamesLengthRule() {
		assertThat(Usernames.violation("a".repeat(65)))
			.hasValueSatisfying((message) -> assertThat(message).contains("3 to 64 characters long"));
	}

	@Test
	void violationWhenStartsWithDigitThenNamesLetterRule() {
		assertThat(Usernames.violation("1ada"))
			.hasValueSatisfying((message) -> assertThat(message).contains("must start with a letter"));
	}

	@Test
	void violationWhenStartsWithUnderscoreThenNamesLetterRule() {
		assertThat(Usernames.violation("_ada"))
			.hasValueSatisfying((message) -> assertThat(message).contains("must start with a letter"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ada-lovelace", "ada lovelace", "ada@example", "ada+1" })
	void violationWhenDisallowedCharacterThenNamesCharacterRule(String username) {
		assertThat(Usernames.violation(username))
			.hasValueSatisfying((message) -> assertThat(message).contains("only letters, digits, '_' and '.'"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "connect", "apps", "users", "groups", "setpassword", "confirm", "recent", "reports",
			"plots", "unpublished", "settings", "metrics", "tokens", "help", "login", "welcome", "register",
			"resetpassword", "content", "Login", "SETTINGS" })
	void violationWhenReservedThenNamesReservedRule(String username) {
		assertThat(Usernames.violation(username))
			.hasValueSatisfying((message) -> assertThat(message).contains("reserved name"));
	}

	@Test
	void violationWhenUserCompletionThenRefusedByCharacterRuleAnyway() {
		assertThat(Usernames.RESERVED).contains("user-completion");
		assertThat(Usernames.violation("user-completion")).isPresent();
	}

	@Test
	void violationWhenNullThenRequired() {
		assertThat(Usernames.violation(null)).hasValue("A username is required.");
	}

	@Test
	void deriveWhenEmailFreeThenLocalPart() {
		assertThat(Usernames.derive("ada.lovelace@example.com", (candidate) -> false)).hasValue("ada.lovelace");
	}

	@Test
	void deriveWhenTakenThenAppendsDigits() {
		Set<String> taken = Set.of("ada", "ada1");
		assertThat(Usernames.derive("ada@example.com", taken::contains)).hasValue("ada2");
	}

	@Test
	void deriveWhenLocalPartHasDisallowedCharactersThenReplacedWithUnderscore() {
		assertThat(Usernames.derive("jean-luc picard@example.com", (candidate) -> false)).hasValue("jean_luc_picard");
	}

	@Test
	void deriveWhenPlusTagThenDropped() {
		assertThat(Usernames.derive("ada+lanyard@example.com", (candidate) -> false)).hasValue("ada");
	}

	@Test
	void deriveWhenLeadingDigitsThenDropped() {
		assertThat(Usernames.derive("42ada@example.com", (candidate) -> false)).hasValue("ada");
	}

	@Test
	void deriveWhenTooShortThenPaddedWithDigits() {
		assertThat(Usernames.derive("al@example.com", (candidate) -> false)).hasValue("al1");
		assertThat(Usernames.derive("a@example.com", (candidate) -> false)).hasValue("a01");
	}

	@Test
	void deriveWhenReservedThenAppendsDigits() {
		assertThat(Usernames.derive("help@example.com", (candidate) -> false)).hasValue("help1");
	}

	@Test
	void deriveWhenTooLongThenCutToFitSuffix() {
		String derived = Usernames.derive("a".repeat(80) + "@example.com", (candidate) -> false).orElseThrow();
		assertThat(derived).hasSizeLessThanOrEqualTo(64);
		assertThat(Usernames.isValid(derived)).isTrue();
	}

	@Test
	void deriveWhenNoEmailThenEmpty() {
		assertThat(Usernames.derive(null, (candidate) -> false)).isEmpty();
	}

	@Test
	void deriveWhenNoLetterInLocalPartThenEmpty() {
		assertThat(Usernames.derive("1234@example.com", (candidate) -> false)).isEmpty();
	}

	@Test
	void deriveWhenTakenNullThenNamesArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> Usernames.derive("ada@example.com", null))
			.withMessage("taken cannot be null");
	}

	@Test
	void deriveWhenEveryCandidateDerivedThenValid() {
		for (String email : new String[] { "ü.ber@example.com", "x@y", "..a..@b", "Ada.L@x" }) {
			assertThat(Usernames.derive(email, (candidate) -> false))
				.hasValueSatisfying((username) -> assertThat(Usernames.isValid(username)).as(username).isTrue());
		}
	}

}
