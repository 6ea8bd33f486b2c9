package dev.lanyard.tokenbroker.delegation;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delegated tokens (RFC 8693 token exchange with an {@code actor_token}).
 *
 * @param audiences {@code lanyard.tokens.delegation.audiences}: the absolute URIs a
 * delegated token may be issued for (its one {@code aud}); empty (the default) turns
 * delegation off
 * @param maxLifetime {@code lanyard.tokens.delegation.max-lifetime}: the longest a
 * delegated token lives (never past its subject token either); default ten minutes
 */
@ConfigurationProperties("lanyard.tokens.delegation")
public record DelegationProperties(@DefaultValue List<URI> audiences, @DefaultValue("PT10M") Duration maxLifetime) {

	private static final Duration LONGEST = Duration.ofHours(1);

	public DelegationProperties {
		if (audiences == null) {
			audiences = List.of();
		}
		for (URI audience : audiences) {
			if (audience == null || !audience.isAbsolute() || audience.getRawFragment() != null) {
				throw new IllegalArgumentException(
						"lanyard.tokens.delegation.audiences must hold absolute URIs without fragment, was "
								+ audience);
			}
		}
		if (maxLifetime == null || maxLifetime.toSeconds() < 1 || maxLifetime.compareTo(LONGEST) > 0) {
			throw new IllegalArgumentException(
					"lanyard.tokens.delegation.max-lifetime must be between 1 second and 1 hour, was " + maxLifetime);
		}
		audiences = List.copyOf(audiences);
	}

	/** The audiences as the token's {@code aud} spells them. */
	public List<String> audienceValues() {
		return this.audiences.stream().map(URI::toString).toList();
	}

}
