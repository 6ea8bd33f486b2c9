package dev.lanyard.gateway.signin.domain;

import java.util.List;
import java.util.Locale;

/**
 * Who may sign in through a provider and how strictly its claims are read.
 *
 * @param requireUsernameClaim fail the sign-in when the username claim is absent instead
 * of deriving a username from the email
 * @param allowedDomains email domains allowed to sign in (none: no domain restriction)
 * @param allowedEmails addresses allowed in addition to the allowed domains
 * @param groupsSeparator splits a groups or role claim sent as one delimited string
 * (blank: such a string is one value)
 * @param registerOnFirstLogin whether an unknown person becomes a user at first sign-in
 */
public record SignInRules(boolean requireUsernameClaim, List<String> allowedDomains, List<String> allowedEmails,
		String groupsSeparator, boolean registerOnFirstLogin, boolean trustUnverifiedEmail) {

	public static final SignInRules DEFAULTS = new SignInRules(false, List.of(), List.of(), "", true, false);

	public SignInRules {
		allowedDomains = normalised(allowedDomains);
		allowedEmails = normalised(allowedEmails);
		groupsSeparator = (groupsSeparator != null) ? groupsSeparator : "";
	}

	/** Whether an allowed-domains or allowed-emails list limits who may sign in. */
	public boolean restrictsEmails() {
		return !this.allowedDomains.isEmpty() || !this.allowedEmails.isEmpty();
	}

	/**
	 * Whether a person with this email may sign in; neither list set lets everyone in.
	 * Where a list applies, the provider must vouch for the address ({@code verified}),
	 * unless this provider is trusted not to hand out unverified addresses
	 * ({@link #trustUnverifiedEmail()}): anyone can type {@code someone@corp.com} into a
	 * permissive provider.
	 */
	public boolean allows(String email, boolean verified) {
		if (!restrictsEmails()) {
			return true;
		}
		if (email == null || email.isBlank() || !(verified || this.trustUnverifiedEmail)) {
			return false;
		}
		String address = email.trim().toLowerCase(Locale.ROOT);
		if (this.allowedEmails.contains(address)) {
			return true;
		}
		int at = address.lastIndexOf('@');
		return at > 0 && this.allowedDomains.contains(address.substring(at + 1));
	}

	private static List<String> normalised(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.filter((value) -> value != null && !value.isBlank())
			.map((value) -> value.trim().toLowerCase(Locale.ROOT))
			.map((value) -> value.startsWith("@") ? value.substring(1) : value)
			.toList();
	}

}
