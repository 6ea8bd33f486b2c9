package dev.lanyard.platform.outbound;

import java.net.UnknownHostException;

/**
 * A host names a metadata service or resolves to an address the {@link AddressPolicy}
 * refuses. An {@link UnknownHostException}, so an HTTP client's resolver may throw it and
 * the call fails before any connection is opened; asking again cannot help. The message
 * names the host, never the address it resolved to.
 */
public final class RefusedAddressException extends UnknownHostException {

	private final String host;

	public RefusedAddressException(String host) {
		super("host " + host + " is not an allowed endpoint address");
		this.host = host;
	}

	public String host() {
		return this.host;
	}

}
