package dev.lanyard.gateway.signin.adapter.oidc;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.lanyard.gateway.signin.domain.ClaimNames;
import dev.lanyard.gateway.signin.domain.SignInRules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through upstream OpenID Connect providers (keys under
 * {@code lanyard.gateway.sign-in}). Checked at start-up; a bad setting stops the gateway
 * with a message naming the key.
 *
 * @param providers the providers, by name (the name appears in {@code /login/{name}})
 * @param publicUrl the gateway's address as browsers reach it; redirect URIs start here
 * @param allowInsecureLoopbackIssuers development only: accept {@code http} issuers on a
 * loopback address (the development OIDC provider)
 * @param outcomeTimeout how long a sign-in waits for user-provisioning's answer
 * @param landingPath where a completed sign-in goes when no page was asked for first
 */
@ConfigurationProperties("lanyard.gateway.sign-in")
public record SignInProperties(@DefaultValue Map<String, Provider> providers,
		@DefaultValue("http://127.0.0.1:8080") URI publicUrl,
		@DefaultValue("false") boolean allowInsecureLoopbackIssuers, @DefaultValue("10s") Duration outcomeTimeout,
		@DefaultValue("/api/me") String landingPath) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private static final String PREFIX = "lanyard.gateway.sign-in.";

	public SignInProperties {
		providers = Map.copyOf(providers);
		if (publicUrl == null || publicUrl.getHost() == null
				|| !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme()))) {
			throw new IllegalArgumentException(PREFIX + "public-url must be an http or https URL");
		}
		if (outcomeTimeout == null || outcomeTimeout.isNegative() || outcomeTimeout.isZero()
				|| outcomeTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException(PREFIX + "outcome-timeout must lie between 1 ms and 1 min");
		}
		if (landingPath == null || !landingPath.startsWith("/") || landingPath.startsWith("//")) {
			throw new IllegalArgumentException(PREFIX + "landing-path must be a path on the gateway, like /api/me");
		}
		for (Map.Entry<String, Provider> entry : providers.entrySet()) {
			if (!NAME.matcher(entry.getKey()).matches()) {
				throw new IllegalArgumentException(PREFIX + "providers." + entry.getKey()
						+ ": a provider name is lower-case letters, digits and '-'");
			}
			entry.getValue().check(PREFIX + "providers." + entry.getKey() + ".", allowInsecureLoopbackIssuers);
		}
	}

	/**
	 * One upstream provider, with the settings (and defaults) a Posit Connect or Keycloak
	 * administrator knows.
	 *
	 * @param issuer the exact issuer; its discovery document must name the same issuer
	 * @param clientId the client id registered at the provider
	 * @param clientSecret the client secret, or
	 * @param clientSecretFile a file holding it
	 * @param scopes scopes beyond {@code openid email profile}
	 * @param claims which claim carries which field
	 * @param groupsSeparator splits a groups claim sent as one string
	 * @param requireUsernameClaim refuse a sign-in without the username claim
	 * @param allowedDomains email domains allowed in (none: everyone)
	 * @param allowedEmails emails allowed in addition to the domains
	 * @param registerOnFirstLogin an unknown person becomes a user at first sign-in
	 * @param claimsSource where claims are read: the ID token, or also the UserInfo
	 * endpoint
	 * @param trustUnverifiedEmail accept an email without {@code email_verified=true} for
	 * the allowed-domains and allowed-emails rules (for providers that never send the
	 * claim and only hand out addresses they own, such as a company's Entra ID tenant)
	 * @param depositUpstreamToken hand the provider's access token of each sign-in to
	 * token-broker, which keeps it sealed for the browser session so that viewer
	 * integrations with a delegation mode work without a connect step
	 */
	public record Provider(URI issuer, String clientId, String clientSecret, Path clientSecretFile,
			@DefaultValue List<String> scopes, @DefaultValue Claims claims, @DefaultValue("") String groupsSeparator,
			@DefaultValue("false") boolean requireUsernameClaim, @DefaultValue List<String> allowedDomains,
			@DefaultValue List<String> allowedEmails, @DefaultValue("true") boolean registerOnFirstLogin,
			@DefaultValue("id-token") ClaimsSource claimsSource, @DefaultValue("false") boolean trustUnverifiedEmail,
			@DefaultValue("false") boolean depositUpstreamToken) {

		void check(String prefix, boolean allowInsecureLoopback) {
			if (this.issuer == null || this.issuer.getHost() == null) {
				throw new IllegalArgumentException(prefix + "issuer must be set to the provider's issuer URL");
			}
			if (!"https".equals(this.issuer.getScheme())
					&& !(allowInsecureLoopback && "http".equals(this.issuer.getScheme()) && loopback(this.issuer))) {
				throw new IllegalArgumentException(prefix + "issuer must be an https URL (" + this.issuer
						+ "); http is accepted only on a loopback address with "
						+ "lanyard.gateway.sign-in.allow-insecure-loopback-issuers=true");
			}
			if (this.clientId == null || this.clientId.isBlank()) {
				throw new IllegalArgumentException(prefix + "client-id must be set");
			}
			boolean hasSecret = this.clientSecret != null && !this.clientSecret.isEmpty();
			if (hasSecret == (this.clientSecretFile != null)) {
				throw new IllegalArgumentException(prefix + "set exactly one of client-secret and client-secret-file");
			}
			if (this.clientSecretFile != null && !Files.isReadable(this.clientSecretFile)) {
				throw new IllegalArgumentException(
						prefix + "client-secret-file cannot be read: " + this.clientSecretFile);
			}
			if (this.claims.uniqueId() == null || this.claims.uniqueId().isBlank()) {
				throw new IllegalArgumentException(prefix + "claims.unique-id cannot be blank");
			}
		}

		/** The client secret, read from the file when one is configured. */
		public String secret() {
			if (this.clientSecretFile == null) {
				return this.clientSecret;
			}
			try {
				return Files.readString(this.clientSecretFile).strip();
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException("client-secret-file cannot be read: " + this.clientSecretFile, ex);
			}
		}

		public ClaimNames claimNames() {
			return new ClaimNames(this.claims.uniqueId(), this.claims.username(), this.claims.email(),
					this.claims.firstName(), this.claims.lastName(), this.claims.groups(), this.claims.role());
		}

		public SignInRules rules() {
			return new SignInRules(this.requireUsernameClaim, this.allowedDomains, this.allowedEmails,
					this.groupsSeparator, this.registerOnFirstLogin, this.trustUnverifiedEmail);
		}

		private static boolean loopback(URI uri) {
			try {
				return InetAddress.getByName(uri.getHost()).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}

	}

	/** Claim names; a blank one means the field is not taken from the provider. */
	public record Claims(@DefaultValue("sub") String uniqueId, @DefaultValue("preferred_username") String username,
			@DefaultValue("email") String email, @DefaultValue("given_name") String firstName,
			@DefaultValue("family_name") String lastName, @DefaultValue("groups") String groups,
			@DefaultValue("") String role) {

	}

	/** Where a provider's claims are read. */
	public enum ClaimsSource {

		/** Only the ID token. */
		ID_TOKEN,

		/**
		 * The ID token and the UserInfo endpoint (which wins where both have a claim).
		 */
		USERINFO

	}

}
