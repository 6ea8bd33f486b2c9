package dev.lanyard.tokenbroker.clients.adapter.oauth;

import dev.lanyard.tokenbroker.clients.application.ClientSecretEncoder;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets encoded by the {@link PasswordEncoder} the authorization server
 * authenticates clients with, so that what the admin API stores is what the token
 * endpoint accepts.
 */
public final class PasswordEncoderClientSecrets implements ClientSecretEncoder {

	private final PasswordEncoder passwordEncoder;

	public PasswordEncoderClientSecrets(PasswordEncoder passwordEncoder) {
		if (passwordEncoder == null) {
			throw new IllegalArgumentException("passwordEncoder cannot be null");
		}
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	public String encode(String secret) {
		return this.passwordEncoder.encode(secret);
	}

	@Override
	public boolean matches(String secret, String encoded) {
		return this.passwordEncoder.matches(secret, encoded);
	}

}
