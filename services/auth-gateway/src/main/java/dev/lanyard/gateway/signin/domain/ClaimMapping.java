package dev.lanyard.gateway.signin.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a provider's claims into an {@link UpstreamIdentity} following its claim names
 * and sign-in rules, or says why the person may not sign in.
 */
public final class ClaimMapping {

	private final String provider;

	private final ClaimNames names;

	private final SignInRules rules;

	public ClaimMapping(String provider, ClaimNames names, SignInRules rules) {
		if (provider == null || provider.isBlank()) {
			throw new IllegalArgumentException("provider cannot be blank");
		}
		if (names == null) {
			throw new IllegalArgumentException("names cannot be null");
		}
		if (rules == null) {
			throw new IllegalArgumentException("rules cannot be null");
		}
		this.provider = provider;
		this.names = names;
		this.rules = rules;
	}

	public SignInRules rules() {
		return this.rules;
	}

	/** The outcome of reading one sign-in's claims. */
	public sealed interface Result {

	}

	public record Mapped(UpstreamIdentity identity) implements Result {
	}

	public record Refused(String reason, String message) implements Result {
	}

	public Result map(String issuer, Map<String, Object> claims) {
		if (claims == null) {
			throw new IllegalArgumentException("claims cannot be null");
		}
		String uniqueId = text(claims, this.names.uniqueId());
		if (uniqueId == null) {
			return new Refused("unique-id-missing", "The identity provider did not send the '" + this.names.uniqueId()
					+ "' claim that identifies you.");
		}
		String username = text(claims, this.names.username());
		if (username == null && this.rules.requireUsernameClaim()) {
			return new Refused("username-missing", "The identity provider did not send the '" + this.names.username()
					+ "' claim, and a username is required to sign in.");
		}
		String email = text(claims, this.names.email());
		boolean verified = verified(claims.get("email_verified"));
		if (!this.rules.allows(email, true)) {
			return new Refused("not-allowed",
					"Your account's email address is not in a domain or list allowed to sign in.");
		}
		if (!this.rules.allows(email, verified)) {
			return new Refused("email-unverified", "Your identity provider has not verified your email address, "
					+ "and only verified addresses of allowed domains may sign in.");
		}
		List<String> claimed = new ArrayList<>();
		addIfNamed(claimed, "username", this.names.username());
		addIfNamed(claimed, "email", this.names.email());
		addIfNamed(claimed, "firstName", this.names.firstName());
		addIfNamed(claimed, "lastName", this.names.lastName());
		return new Mapped(new UpstreamIdentity(this.provider, issuer, uniqueId, username, email,
				text(claims, this.names.firstName()), text(claims, this.names.lastName()),
				values(claims, this.names.groups()), values(claims, this.names.role()), claimed));
	}

	private static void addIfNamed(List<String> claimed, String field, String claimName) {
		if (!claimName.isEmpty()) {
			claimed.add(field);
		}
	}

	private static String text(Map<String, Object> claims, String name) {
		if (name.isEmpty()) {
			return null;
		}
		Object value = claims.get(name);
		if (value == null) {
			return null;
		}
		String text = value.toString().trim();
		return text.isEmpty() ? null : text;
	}

	/** A list claim, or one string split by the separator; null when absent. */
	private List<String> values(Map<String, Object> claims, String name) {
		if (name.isEmpty() || !claims.containsKey(name) || claims.get(name) == null) {
			return null;
		}
		Object value = claims.get(name);
		List<String> raw = new ArrayList<>();
		if (value instanceof Collection<?> collection) {
			collection.forEach((item) -> raw.add(String.valueOf(item)));
		}
		else if (!this.rules.groupsSeparator().isEmpty()) {
			raw.addAll(Arrays.asList(value.toString().split(Pattern.quote(this.rules.groupsSeparator()))));
		}
		else {
			raw.add(value.toString());
		}
		return raw.stream().map(String::trim).filter((item) -> !item.isEmpty()).distinct().toList();
	}

	/** OIDC's {@code email_verified}: a boolean, sometimes sent as text. */
	private static boolean verified(Object claim) {
		return Boolean.TRUE.equals(claim) || (claim instanceof String text && "true".equalsIgnoreCase(text.strip()));
	}

}
