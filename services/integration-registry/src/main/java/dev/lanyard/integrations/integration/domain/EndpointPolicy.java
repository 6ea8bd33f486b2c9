package dev.lanyard.integrations.integration.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import dev.lanyard.platform.outbound.AddressPolicy;
import dev.lanyard.platform.outbound.HostResolver;
import dev.lanyard.platform.outbound.RefusedAddressException;
import dev.lanyard.platform.outbound.VettedResolver;

/**
 * Which external endpoints an integration may name. Only {@code https}, no user info and
 * no fragment; the host must resolve, and every address it resolves to must pass the
 * shared {@link AddressPolicy}: metadata services, unspecified, multicast, reserved and
 * documentation ranges are refused always; loopback, private, link-local, unique-local
 * and carrier-grade NAT addresses unless the development setting {@code allowPrivate} is
 * on (which also accepts {@code http} to a loopback host, a local development OAuth
 * provider). This check answers an administrator early, naming the field; the calls
 * themselves resolve again through the same {@link VettedResolver} and connect only to
 * what that lookup vetted.
 */
public final class EndpointPolicy {

	private final VettedResolver addresses;

	public EndpointPolicy(boolean allowPrivate, HostResolver resolver) {
		if (resolver == null) {
			throw new IllegalArgumentException("resolver cannot be null");
		}
		this.addresses = new VettedResolver(new AddressPolicy(allowPrivate), resolver);
	}

	public boolean allowsPrivate() {
		return this.addresses.policy().allowsPrivate();
	}

	/** The resolver the calls to endpoints must go through, under the same policy. */
	public VettedResolver addresses() {
		return this.addresses;
	}

	/**
	 * The endpoint as a URI when acceptable.
	 * @param field the request field it came from, named in the error
	 * @param url the endpoint
	 * @throws InvalidFieldException when it is not acceptable
	 */
	public URI check(String field, String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidFieldException(field, "is required");
		}
		if (url.length() > 2000) {
			throw new InvalidFieldException(field, "must be at most 2000 characters");
		}
		URI uri = parse(field, url);
		String host = uri.getHost();
		if (!uri.isAbsolute() || host == null || host.isEmpty()) {
			throw new InvalidFieldException(field, "must be an absolute https URL with a host");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidFieldException(field, "must not carry user information");
		}
		if (uri.getRawFragment() != null) {
			throw new InvalidFieldException(field, "must not have a fragment");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		boolean loopbackHttp = "http".equals(scheme) && allowsPrivate() && isLoopbackName(host);
		if (!"https".equals(scheme) && !loopbackHttp) {
			throw new InvalidFieldException(field, "must use https");
		}
		requireAllowedAddresses(field, host);
		return uri;
	}

	private void requireAllowedAddresses(String field, String host) {
		try {
			this.addresses.resolve(host);
		}
		catch (RefusedAddressException ex) {
			throw new InvalidFieldException(field, "host " + host
					+ " is a private, loopback, link-local, metadata or reserved address, which is not allowed");
		}
		catch (UnknownHostException ex) {
			// a development machine may lack outside DNS; every call vets its own lookup
			if (!allowsPrivate()) {
				throw new InvalidFieldException(field, "host " + host + " cannot be resolved");
			}
		}
	}

	static boolean isLoopbackName(String host) {
		String name = unbracket(host).toLowerCase(Locale.ROOT);
		return "localhost".equals(name) || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || "::1".equals(name)
				|| "0:0:0:0:0:0:0:1".equals(name);
	}

	private static String unbracket(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	private static URI parse(String field, String url) {
		try {
			return new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new InvalidFieldException(field, "is not a valid URL");
		}
	}

}
