package dev.lanyard.integrations.integration.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.platform.outbound.HostResolver;

/**
 * A resolver with a fixed table; IP literals resolve to themselves; others are unknown.
 */
public final class FixedResolver implements HostResolver {

	private final Map<String, List<InetAddress>> table = new HashMap<>();

	public FixedResolver with(String host, String... addresses) {
		this.table.put(host, Arrays.stream(addresses).map(InetAddress::ofLiteral).toList());
		return this;
	}

	/** Public names used by the tests and templates. */
	public static FixedResolver publicNames() {
		return new FixedResolver().with("login.microsoftonline.com", "20.190.160.1")
			.with("github.com", "140.82.121.3")
			.with("idp.example.com", "93.184.216.34")
			.with("acme.snowflakecomputing.com", "52.1.2.3");
	}

	@Override
	public List<InetAddress> resolve(String host) throws UnknownHostException {
		List<InetAddress> addresses = this.table.get(host);
		if (addresses != null) {
			return addresses;
		}
		try {
			return List.of(InetAddress.ofLiteral(host));
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownHostException(host);
		}
	}

}
