package dev.lanyard.gateway.signin.adapter.tokenbroker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.Optional;

/**
 * The HTTP Basic credentials of the gateway's client at token-broker. A secret file is
 * read again whenever it changes, so a rotated secret takes effect without a restart.
 */
public final class GatewayClientCredentials {

	private final TokenBrokerClientProperties settings;

	private volatile Cached cached;

	public GatewayClientCredentials(TokenBrokerClientProperties settings) {
		if (settings == null) {
			throw new IllegalArgumentException("settings cannot be null");
		}
		this.settings = settings;
	}

	/** The Authorization header value, or empty when no usable secret is there (yet). */
	public Optional<String> basicAuthorization() {
		if (!this.settings.configured()) {
			return Optional.empty();
		}
		String secret = (this.settings.clientSecretFile() != null) ? fromFile(this.settings.clientSecretFile())
				: this.settings.clientSecret();
		if (secret == null || secret.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("Basic " + Base64.getEncoder()
			.encodeToString((this.settings.clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8)));
	}

	private String fromFile(Path file) {
		try {
			FileTime modified = Files.getLastModifiedTime(file);
			Cached held = this.cached;
			if (held != null && held.modified().equals(modified)) {
				return held.secret();
			}
			String secret = Files.readString(file).strip();
			this.cached = new Cached(modified, secret);
			return secret;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private record Cached(FileTime modified, String secret) {

		@Override
		public String toString() {
			return "Cached[modified=" + this.modified + "]";
		}

	}

}
