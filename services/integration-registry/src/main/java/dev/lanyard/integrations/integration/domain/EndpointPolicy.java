package dev.lanyard.integrations.integration.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which external endpoints an integration may name. Only {@code https}, no user info and
 * no fragment; the host must resolve, and only to public addresses: loopback, private,
 * link-local, unique-local, carrier-grade NAT, multicast and unspecified addresses are
 * refused, so an administrator cannot point token requests (and the connection test) at
 * the inside of the network. The development setting {@code allowPrivate} lifts the
 * address check and also accepts {@code http} to a loopback host (a local development
 * OAuth provider).
 */
public final class EndpointPolicy {

	private final boolean allowPrivate;

	private final HostResolver resolver;

	public EndpointPolicy(boolean allowPrivate, HostResolver resolver) {
		if (resolver == null) {
			throw new IllegalArgumentException("resolver cannot be null");
		}
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
	}

	public boolean allowsPrivate() {
		return this.allowPrivate;
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
		boolean loopbackHttp = "http".equals(scheme) && this.allowPrivate && isLoopbackName(host);
		if (!"https".equals(scheme) && !loopbackHttp) {
			throw new InvalidFieldException(field, "must use https");
		}
		if (!this.allowPrivate) {
			requirePublic(field, host);
		}
		return uri;
	}

	private void requirePublic(String field, String host) {
		List<InetAddress> addresses;
		try {
			addresses = this.resolver.resolve(unbracket(host));
		}
		catch (UnknownHostException ex) {
			throw new InvalidFieldException(field, "host " + host + " cannot be resolved");
		}
		if (addresses == null || addresses.isEmpty()) {
			throw new InvalidFieldException(field, "host " + host + " cannot be resolved");
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				throw new InvalidFieldException(field,
						"host " + host + " is a private, loopback or link-local address, which is not allowed");
			}
		}
	}

	/** Whether an address is reachable on the public internet (as far as ranges tell). */
	public static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			if (isIpv4Mapped(bytes)) {
				byte[] v4 = new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
				try {
					return isPublic(InetAddress.getByAddress(v4));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
			// fc00::/7 unique local, fec0::/10 site local (old)
			return (bytes[0] & 0xfe) != 0xfc;
		}
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 0.0.0.0/8 "this network", 100.64.0.0/10 carrier-grade NAT, 255.255.255.255
			return first != 0 && !(first == 100 && second >= 64 && second <= 127)
					&& !(first == 255 && (bytes[3] & 0xff) == 255);
		}
		return false;
	}

	private static boolean isIpv4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
	}

	private static boolean isLoopbackName(String host) {
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
