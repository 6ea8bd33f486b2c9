package dev.lanyard.integrations.integration.domain;

import java.net.URI;
import java.net.UnknownHostException;

import dev.lanyard.platform.outbound.AddressPolicy;
import dev.lanyard.platform.outbound.EndpointRule;
import dev.lanyard.platform.outbound.HostResolver;
import dev.lanyard.platform.outbound.RefusedAddressException;
import dev.lanyard.platform.outbound.VettedResolver;

/**
 * Which external endpoints an integration may name: the shared {@link EndpointRule} (only
 * {@code https}, no user info and no fragment ...), which token-broker applies again to
 * every snapshot it reads; then the host must resolve, and every address it resolves to
 * must pass the shared {@link AddressPolicy}: metadata services, unspecified, multicast,
 * reserved and documentation ranges are refused always; loopback, private, link-local,
 * unique-local and carrier-grade NAT addresses unless the development setting
 * {@code allowPrivate} is on (which also accepts {@code http} to a loopback host, a local
 * development OAuth provider). This check answers an administrator early, naming the
 * field; the calls themselves resolve again through the same {@link VettedResolver} and
 * connect only to what that lookup vetted.
 */
public final class EndpointPolicy {

	private final EndpointRule rule;

	private final VettedResolver addresses;

	public EndpointPolicy(boolean allowPrivate, HostResolver resolver) {
		if (resolver == null) {
			throw new IllegalArgumentException("resolver cannot be null");
		}
		AddressPolicy policy = new AddressPolicy(allowPrivate);
		this.rule = new EndpointRule(policy);
		this.addresses = new VettedResolver(policy, resolver);
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
		// the shared rule token-broker applies again to every snapshot it reads
		this.rule.refusal(url).ifPresent((reason) -> {
			throw new InvalidFieldException(field, reason);
		});
		URI uri = URI.create(url.strip());
		requireAllowedAddresses(field, uri.getHost());
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
		return EndpointRule.isLoopbackName(host);
	}

}
