package dev.lanyard.platform.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule every external endpoint an integration names must follow, wherever it is read:
 * integration-registry applies it when an administrator saves one (then also resolves the
 * host), token-broker again when it reads an integration snapshot from Kafka and before
 * it calls out, rather than trusting whoever wrote the event. An endpoint must be an
 * absolute {@code https} URL with a host, at most 2000 characters, without user
 * information or fragment; {@code http} only to a loopback host and only when the
 * {@link AddressPolicy} allows private addresses (a local development provider). A host
 * that names a metadata service, or is written as an address the policy refuses, is
 * refused here already; names are resolved and vetted by the {@link VettedResolver} at
 * call time (no DNS here).
 */
public final class EndpointRule {

	static final int MAX_LENGTH = 2000;

	private final AddressPolicy policy;

	public EndpointRule(AddressPolicy policy) {
		if (policy == null) {
			throw new IllegalArgumentException("policy cannot be null");
		}
		this.policy = policy;
	}

	public AddressPolicy policy() {
		return this.policy;
	}

	/**
	 * Why {@code url} may not be called, phrased to follow the field's name (e.g. "must
	 * use https"), or empty when it may.
	 */
	public Optional<String> refusal(String url) {
		if (url == null || url.isBlank()) {
			return Optional.of("is required");
		}
		if (url.length() > MAX_LENGTH) {
			return Optional.of("must be at most " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			return Optional.of("is not a valid URL");
		}
		String host = uri.getHost();
		if (!uri.isAbsolute() || host == null || host.isEmpty()) {
			return Optional.of("must be an absolute https URL with a host");
		}
		if (uri.getRawUserInfo() != null) {
			return Optional.of("must not carry user information");
		}
		if (uri.getRawFragment() != null) {
			return Optional.of("must not have a fragment");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		boolean loopbackHttp = "http".equals(scheme) && this.policy.allowsPrivate() && isLoopbackName(host);
		if (!"https".equals(scheme) && !loopbackHttp) {
			return Optional.of("must use https");
		}
		if (!this.policy.allowsHostName(host) || refusedLiteral(host)) {
			return Optional.of("host " + host
					+ " is a private, loopback, link-local, metadata or reserved address, which is not allowed");
		}
		return Optional.empty();
	}

	/** Whether the URL may be called. */
	public boolean allows(String url) {
		return refusal(url).isEmpty();
	}

	/** localhost, 127.x.y.z or ::1 (bracketed or not). */
	public static boolean isLoopbackName(String host) {
		if (host == null) {
			return false;
		}
		String name = unbracket(host).toLowerCase(Locale.ROOT);
		return "localhost".equals(name) || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || "::1".equals(name)
				|| "0:0:0:0:0:0:0:1".equals(name);
	}

	/** A host written as an IPv4 or bracketed IPv6 address the policy refuses. */
	private boolean refusedLiteral(String host) {
		boolean ipv6 = host.startsWith("[") && host.endsWith("]");
		if (!ipv6 && !host.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
			return false;
		}
		try {
			// a literal: parsed, never looked up
			return !this.policy.allows(InetAddress.getByName(unbracket(host)));
		}
		catch (UnknownHostException ex) {
			return true;
		}
	}

	private static String unbracket(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
