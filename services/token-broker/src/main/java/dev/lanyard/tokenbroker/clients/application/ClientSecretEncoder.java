package dev.lanyard.tokenbroker.clients.application;

/**
 * How client secrets are kept: only their encoding is stored, and a presented secret is
 * checked against it. The same encoding the token endpoint checks client authentication
 * with.
 */
public interface ClientSecretEncoder {

	/** The encoding to store for {@code secret}. */
	String encode(String secret);

	/** Whether {@code secret} is the one {@code encoded} was made from. */
	boolean matches(String secret, String encoded);

}
