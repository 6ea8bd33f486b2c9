package dev.lanyard.platform.outbound.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

import dev.lanyard.platform.outbound.VettedResolver;

/**
 * Apache HttpClient's resolver, through the {@link VettedResolver}: the connection
 * operator connects to exactly the addresses returned here, while TLS still uses the
 * request's host name for SNI and hostname verification.
 */
final class PinnedDnsResolver implements DnsResolver {

	private final VettedResolver addresses;

	PinnedDnsResolver(VettedResolver addresses) {
		this.addresses = addresses;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		return this.addresses.resolve(host).toArray(InetAddress[]::new);
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		return this.addresses.resolve(host).stream().map((address) -> new InetSocketAddress(address, port)).toList();
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		// no reverse lookup: the name the administrator gave is the one verified
		return host;
	}

}
