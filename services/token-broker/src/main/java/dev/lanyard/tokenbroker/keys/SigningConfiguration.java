package dev.lanyard.tokenbroker.keys;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.tokenbroker.TokenProperties;
import dev.lanyard.tokenbroker.keys.adapter.jdbc.JdbcSigningKeyStore;
import dev.lanyard.tokenbroker.keys.adapter.jose.SigningKeys;
import dev.lanyard.tokenbroker.jwt.TokenSigning;
import dev.lanyard.tokenbroker.keys.adapter.schedule.SigningKeyMaintenanceSchedule;
import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;
import dev.lanyard.tokenbroker.keys.application.SigningKeyRotation;
import dev.lanyard.tokenbroker.keys.application.SigningKeyStore;
import dev.lanyard.tokenbroker.sessions.UserSessionProperties;
import dev.lanyard.tokenbroker.sessions.adapter.oauth.SessionNotEndedValidator;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signing keys, the JWKS they are published in, and encoding and decoding of JWTs. */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SigningConfiguration.class);

	/** What this service's and Spring's JWT validators accept by default. */
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	/**
	 * As ExternalServicesConfiguration signs them for the calls to integration-registry.
	 */
	private static final Duration INTERNAL_SERVICE_TOKEN_TIME_TO_LIVE = Duration.ofSeconds(60);

	/**
	 * Seals signing keys, viewers' refresh tokens and PKCE verifiers at rest. Without a
	 * key the properties have already refused to start unless plaintext is allowed.
	 */
	@Bean
	KeyMaterialCipher keyMaterialCipher(KeyEncryptionProperties encryption) {
		byte[] kek = encryption.keyBytes();
		if (kek == null) {
			log.warn("lanyard.token-broker.key-encryption.key is not set and allow-plaintext is on (development"
					+ " only): signing keys, viewers' refresh tokens and PKCE verifiers are stored unencrypted");
			return KeyMaterialCipher.none();
		}
		if (encryption.allowPlaintext()) {
			log.warn("lanyard.token-broker.key-encryption.allow-plaintext is on: rows stored unencrypted are read"
					+ " instead of refused; turn it off once the database is migrated");
			return KeyMaterialCipher.aes256Gcm(kek).acceptingPlaintext();
		}
		return KeyMaterialCipher.aes256Gcm(kek);
	}

	@Bean
	@DependsOnDatabaseInitialization
	SigningKeyStore signingKeyStore(JdbcClient jdbc) {
		return new JdbcSigningKeyStore(jdbc);
	}

	@Bean
	SigningKeys signingKeys(SigningKeyStore store, KeyMaterialCipher keyMaterialCipher, TokenProperties tokens,
			Clock clock) {
		return SigningKeys.loadOrCreate(store, keyMaterialCipher, tokens.signingAlgorithm(), clock);
	}

	/**
	 * A retired key stays published while a token it signed can still be valid: the
	 * longest token lifetime, plus the refresh interval (another instance may sign with
	 * it that much longer) and the 60 s clock skew verifiers allow.
	 */
	@Bean
	SigningKeyRotation signingKeyRotation(SigningKeyStore store, SigningKeys keys, SigningKeyProperties rotation,
			TokenProperties tokens, UserSessionProperties sessions, Clock clock) {
		Duration longest = Stream
			.of(tokens.contentSessionTokenTimeToLive(), sessions.userSessionTokenTimeToLive(),
					INTERNAL_SERVICE_TOKEN_TIME_TO_LIVE)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		Duration retention = longest.plus(rotation.refreshInterval()).plus(CLOCK_SKEW);
		log.info("Signing keys rotate every {}; a retired key stays published for {}", rotation.rotationPeriod(),
				retention);
		return new SigningKeyRotation(store, keys, rotation.rotationPeriod(), retention, clock);
	}

	@Bean
	SigningKeyMaintenanceSchedule signingKeyMaintenanceSchedule(SigningKeyRotation rotation,
			SigningKeyProperties properties) {
		return new SigningKeyMaintenanceSchedule(rotation, properties.refreshInterval());
	}

	/**
	 * Every key tokens may be verified with; what {@code /oauth2/jwks} publishes (public
	 * parts only). Read per use, so rotations show at once; a {@code kid} not known yet
	 * (another instance rotated) reads the keys again.
	 */
	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return keys.verificationSource();
	}

	/**
	 * Signs with the active key only, so that key selection never sees two candidates;
	 * read per token, so a rotation takes effect at once. The key's {@code kid} goes into
	 * the header.
	 */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(keys.signingSource());
	}

	/** The issuer, claims and signature every hand-minted token shares. */
	@Bean
	TokenSigning tokenSigning(JwtEncoder jwtEncoder, TokenProperties tokens) {
		return new TokenSigning(jwtEncoder, tokens.jwsAlgorithm(), tokens.issuerUrl());
	}

	/**
	 * Verifies bearer tokens on the admin API in-process, against this service's own keys
	 * and issuer.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, TokenProperties tokens, EndedSessions endedSessions) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).jwsAlgorithms((algorithms) -> {
			algorithms.add(SignatureAlgorithm.ES256);
			algorithms.add(SignatureAlgorithm.RS256);
		}).build();
		// this service's own audience; access tokens, and the user session tokens that
		// its token exchange takes (each use checks the type it needs)
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(tokens.issuerUrl()),
				new JwtAudienceValidator(ServiceTokens.TOKEN_BROKER),
				new JwtTypeValidator(ServiceTokens.ACCESS_TOKEN_TYP, ServiceTokens.USER_SESSION_TYP),
				new SessionNotEndedValidator(endedSessions)));
		return decoder;
	}

}
