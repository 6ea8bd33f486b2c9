package dev.lanyard.platform.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses Lanyard may call at an administrator-named endpoint (an integration's
 * token or authorization endpoint). Three classes:
 * <ul>
 * <li>{@link Verdict#FORBIDDEN}, refused always: cloud metadata services, unspecified,
 * multicast, broadcast, reserved, benchmarking, documentation and IETF protocol ranges,
 * IPv6 outside global unicast, IPv4-compatible IPv6, and NAT64 / 6to4 forms of any IPv4
 * address that is not public (they lead to the same inside hosts by another way);</li>
 * <li>{@link Verdict#PRIVATE}, refused unless private endpoints are allowed
 * (development): loopback, link-local, RFC 1918, carrier-grade NAT 100.64/10,
 * unique-local fc00::/7, site-local fec0::/10;</li>
 * <li>{@link Verdict#PUBLIC}: everything else.</li>
 * </ul>
 * IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}) is judged as the IPv4 address it is.
 */
public final class AddressPolicy {

	/** What an address is, as far as calling it goes. */
	public enum Verdict {

		PUBLIC, PRIVATE, FORBIDDEN

	}

	// AWS/GCP/Azure/OCI/OpenStack, AWS ECS task and EKS pod identity, Alibaba, Azure
	// WireServer (a public address, yet the host's control channel)
	private static final List<byte[]> METADATA = literals("169.254.169.254", "169.254.170.2", "169.254.170.23",
			"100.100.100.200", "168.63.129.16", "fd00:ec2::254", "fd00:ec2::23");

	private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog",
			"instance-data", "instance-data.ec2.internal", "metadata.tencentyun.com", "metadata.platformequinix.com");

	private static final List<Cidr> FORBIDDEN_V4 = ranges("0.0.0.0/8", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
			"198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

	private static final List<Cidr> PRIVATE_V4 = ranges("10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
			"172.16.0.0/12", "192.168.0.0/16");

	private static final List<Cidr> PRIVATE_V6 = ranges("::1/128", "fe80::/10", "fc00::/7", "fec0::/10");

	private static final List<Cidr> FORBIDDEN_V6 = ranges("::/128", "ff00::/8", "100::/64", "2001::/23",
			"2001:db8::/32", "3fff::/20");

	private static final Cidr GLOBAL_UNICAST = Cidr.of("2000::/3");

	private static final Cidr IPV4_MAPPED = Cidr.of("::ffff:0:0/96");

	private static final Cidr IPV4_COMPATIBLE = Cidr.of("::/96");

	private static final List<Cidr> NAT64 = ranges("64:ff9b::/96", "64:ff9b:1::/48");

	private static final Cidr SIX_TO_FOUR = Cidr.of("2002::/16");

	private final boolean allowPrivate;

	/**
	 * @param allowPrivate development only: also allow {@link Verdict#PRIVATE} addresses
	 * (a local OAuth provider on loopback); {@link Verdict#FORBIDDEN} ones stay refused
	 */
	public AddressPolicy(boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	public boolean allowsPrivate() {
		return this.allowPrivate;
	}

	/** Whether an endpoint may be called at this address. */
	public boolean allows(InetAddress address) {
		if (address == null) {
			throw new IllegalArgumentException("address cannot be null");
		}
		Verdict verdict = classify(address);
		return verdict == Verdict.PUBLIC || (verdict == Verdict.PRIVATE && this.allowPrivate);
	}

	/** Whether an endpoint may name this host at all (metadata service names never). */
	public boolean allowsHostName(String host) {
		if (host == null) {
			throw new IllegalArgumentException("host cannot be null");
		}
		String name = host.toLowerCase(Locale.ROOT);
		name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
		return !METADATA_NAMES.contains(name);
	}

	public static Verdict classify(InetAddress address) {
		byte[] bytes = address.getAddress();
		for (byte[] metadata : METADATA) {
			if (Arrays.equals(metadata, bytes)) {
				return Verdict.FORBIDDEN;
			}
		}
		return (address instanceof Inet6Address) ? classify6(bytes) : classify4(bytes);
	}

	private static Verdict classify4(byte[] bytes) {
		if (FORBIDDEN_V4.stream().anyMatch((range) -> range.contains(bytes))) {
			return Verdict.FORBIDDEN;
		}
		if (PRIVATE_V4.stream().anyMatch((range) -> range.contains(bytes))) {
			return Verdict.PRIVATE;
		}
		return Verdict.PUBLIC;
	}

	private static Verdict classify6(byte[] bytes) {
		if (IPV4_MAPPED.contains(bytes)) {
			return classify(v4(bytes, 12));
		}
		if (NAT64.stream().anyMatch((range) -> range.contains(bytes))) {
			return tunnelled(v4(bytes, 12));
		}
		if (SIX_TO_FOUR.contains(bytes)) {
			return tunnelled(v4(bytes, 2));
		}
		if (PRIVATE_V6.stream().anyMatch((range) -> range.contains(bytes))) {
			return Verdict.PRIVATE;
		}
		// ::/96 after ::1 is out: IPv4-compatible, deprecated (RFC 4291), and :: itself
		if (IPV4_COMPATIBLE.contains(bytes) || FORBIDDEN_V6.stream().anyMatch((range) -> range.contains(bytes))
				|| !GLOBAL_UNICAST.contains(bytes)) {
			return Verdict.FORBIDDEN;
		}
		return Verdict.PUBLIC;
	}

	/** A translated or tunnelled IPv4 address may only lead to a public one. */
	private static Verdict tunnelled(InetAddress v4) {
		return (classify(v4) == Verdict.PUBLIC) ? Verdict.PUBLIC : Verdict.FORBIDDEN;
	}

	private static InetAddress v4(byte[] bytes, int from) {
		try {
			return InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("four bytes are an IPv4 address", ex);
		}
	}

	private static List<Cidr> ranges(String... notations) {
		return Arrays.stream(notations).map(Cidr::of).toList();
	}

	private static List<byte[]> literals(String... addresses) {
		return Arrays.stream(addresses).map((a) -> InetAddress.ofLiteral(a).getAddress()).toList();
	}

}
