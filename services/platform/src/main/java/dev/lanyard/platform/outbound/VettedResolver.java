package dev.lanyard.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host once and vets every address it answers against the
 * {@link AddressPolicy}: one refused address refuses the host (a name that answers a
 * public and an inside address must not get a chance at the inside one). The HTTP clients
 * built on it connect only to the addresses it returned, so what was checked is what is
 * called: a second lookup that could rebind the name never happens.
 */
public final class VettedResolver {

	private final AddressPolicy policy;

	private final HostResolver resolver;

	public VettedResolver(AddressPolicy policy, HostResolver resolver) {
		if (policy == null) {
			throw new IllegalArgumentException("policy cannot be null");
		}
		if (resolver == null) {
			throw new IllegalArgumentException("resolver cannot be null");
		}
		this.policy = policy;
		this.resolver = resolver;
	}

	public AddressPolicy policy() {
		return this.policy;
	}

	/**
	 * The host's addresses, every one allowed.
	 * @throws RefusedAddressException when the name or any address is refused
	 * @throws UnknownHostException when the host does not resolve
	 */
	public List<InetAddress> resolve(String host) throws UnknownHostException {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("host cannot be empty");
		}
		String name = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (!this.policy.allowsHostName(name)) {
			throw new RefusedAddressException(host);
		}
		List<InetAddress> addresses = this.resolver.resolve(name);
		if (addresses == null || addresses.isEmpty()) {
			throw new UnknownHostException(host);
		}
		for (InetAddress address : addresses) {
			if (!this.policy.allows(address)) {
				throw new RefusedAddressException(host);
			}
		}
		return List.copyOf(addresses);
	}

}
