package dev.lanyard.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name to its addresses (DNS, or a fixed table in tests). */
@FunctionalInterface
public interface HostResolver {

	List<InetAddress> resolve(String host) throws UnknownHostException;

	/** The system resolver; an IP literal resolves to itself without a lookup. */
	static HostResolver system() {
		return (host) -> List.of(InetAddress.getAllByName(host));
	}

}
