package dev.lanyard.tokenbroker.keys.application;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import dev.lanyard.tokenbroker.keys.adapter.jose.SigningKeys;
import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;
import dev.lanyard.testing.time.MutableClock;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SigningKeyRotationTest {

	private static final Duration PERIOD = Duration.ofDays(30);

	private static final Duration RETENTION = Duration.ofHours(2);

	private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();

	private final KeyMaterialCipher cipher = KeyMaterialCipher.aes256Gcm(new byte[32]);

	private final SigningKeys keys = SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.ES256,
			this.clock);

	private final SigningKeyRotation rotation = new SigningKeyRotation(this.store, this.keys, PERIOD, RETENTION,
			this.clock);

	@Test
	void rotateWhenCalledThenNewTokensCarryNewKidAndEarlierTokensStillVerify() throws Exception {
		String before = sign(this.keys);
		String oldKid = kid(before);

		SigningKeyRotation.Rotated rotated = this.rotation.rotate("admin-1");

		assertThat(rotated.retiredKid()).isEqualTo(oldKid);
		assertThat(rotated.kid()).isNotEqualTo(oldKid);
		assertThat(rotated.retiredPublishedUntil()).isEqualTo(this.clock.instant().plus(RETENTION));
		String after = sign(this.keys);
		assertThat(kid(after)).isEqualTo(rotated.kid());
		assertThat(decode(this.keys, before)).isEqualTo(oldKid);
		assertThat(decode(this.keys, after)).isEqualTo(rotated.kid());
		assertThat(this.keys.verificationKeys().getKeys()).extracting((key) -> key.getKeyID())
			.containsExactly(oldKid, rotated.kid());
	}

	@Test
	void maintainWhenRetentionPassedThenRetiredKeyLeavesJwks() throws Exception {
		String oldKid = this.keys.signingKey().getKeyID();
		String before = sign(this.keys);
		this.clock.advance(Duration.ofMinutes(10));
		String newKid = this.rotation.rotate("admin-1").kid();

		this.clock.advance(RETENTION.minusSeconds(1));
		this.rotation.maintain();
		assertThat(this.keys.verificationKeys().getKeyByKeyId(oldKid)).isNotNull();
		assertThat(this.keys.signingKey().getKeyID()).isEqualTo(newKid);

		this.clock.advance(Duration.ofSeconds(2));
		this.rotation.maintain();
		assertThat(this.keys.verificationKeys().getKeys()).extracting((key) -> key.getKeyID()).containsExactly(newKid);
		assertThat(this.store.keys).extracting(SigningKeyStore.StoredSigningKey::kid).containsExactly(newKid);
		// long expired by then anyway; without its key it cannot verify whatever the
		// clock
		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> NimbusJwtDecoder.withJwkSource(this.keys.verificationSource())
				.jwsAlgorithm(SignatureAlgorithm.ES256)
				.build()
				.decode(before));
	}

	@Test
	void maintainWhenRotationPeriodNotElapsedThenSameKey() {
		String kid = this.keys.signingKey().getKeyID();
		this.clock.advance(PERIOD.minusSeconds(1));
		this.rotation.maintain();
		assertThat(this.keys.signingKey().getKeyID()).isEqualTo(kid);
		assertThat(this.store.keys).hasSize(1);
	}

	@Test
	void maintainWhenRotationPeriodElapsedThenRotates() throws Exception {
		String kid = this.keys.signingKey().getKeyID();
		this.clock.advance(PERIOD.minusMinutes(1));
		String before = sign(this.keys);
		this.clock.advance(Duration.ofMinutes(1));
		this.rotation.maintain();
		assertThat(this.keys.signingKey().getKeyID()).isNotEqualTo(kid);
		assertThat(kid(sign(this.keys))).isEqualTo(this.keys.signingKey().getKeyID());
		assertThat(this.keys.verificationKeys().getKeyByKeyId(kid)).isNotNull();
		assertThat(this.store.keys).filteredOn(SigningKeyStore.StoredSigningKey::active).hasSize(1);
		assertThat(decode(this.keys, before)).isEqualTo(kid);
	}

	@Test
	void maintainWhenAnotherInstanceRotatedThenSignsWithItsKeyAndVerifiesItsTokensAtOnce() throws Exception {
		SigningKeys other = SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.ES256, this.clock);
		SigningKeyRotation otherRotation = new SigningKeyRotation(this.store, other, PERIOD, RETENTION, this.clock);
		String newKid = otherRotation.rotate("admin-2").kid();
		String fromOther = sign(other);

		// before its next maintenance run, this instance still verifies the other's new
		// tokens
		assertThat(decode(this.keys, fromOther)).isEqualTo(newKid);

		this.rotation.maintain();
		assertThat(this.keys.signingKey().getKeyID()).isEqualTo(newKid);
		assertThat(this.store.keys).hasSize(2);
	}

	@Test
	void maintainWhenTwoInstancesDueAtOnceThenOneRotation() {
		SigningKeys other = SigningKeys.loadOrCreate(this.store, this.cipher, SigningAlgorithm.ES256, this.clock);
		SigningKeyRotation otherRotation = new SigningKeyRotation(this.store, other, PERIOD, RETENTION, this.clock);
		this.clock.advance(PERIOD);
		this.rotation.maintain();
		otherRotation.maintain();
		assertThat(this.store.keys).hasSize(2);
		assertThat(other.signingKey().getKeyID()).isEqualTo(this.keys.signingKey().getKeyID());
	}

	@Test
	void rotateWhenActorBlankThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.rotation.rotate(" "))
			.withMessage("actorId cannot be blank");
	}

	@Test
	void constructorWhenStoreNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SigningKeyRotation(null, this.keys, PERIOD, RETENTION, this.clock))
			.withMessage("store cannot be null");
	}

	@Test
	void constructorWhenKeysNullThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SigningKeyRotation(this.store, null, PERIOD, RETENTION, this.clock))
			.withMessage("keys cannot be null");
	}

	@Test
	void constructorWhenPeriodZeroThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SigningKeyRotation(this.store, this.keys, Duration.ZERO, RETENTION, this.clock))
			.withMessage("rotationPeriod must be positive");
	}

	@Test
	void constructorWhenRetentionNegativeThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SigningKeyRotation(this.store, this.keys, PERIOD, Duration.ofSeconds(-1), this.clock))
			.withMessage("retention cannot be negative");
	}

	/** Signs as the service does: its encoder over the keys' signing source. */
	private String sign(SigningKeys signer) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("https://lanyard.example")
			.subject("c-1")
			.issuedAt(now)
			.expiresAt(now.plus(TOKEN_LIFETIME))
			.build();
		return new NimbusJwtEncoder(signer.signingSource())
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), claims))
			.getTokenValue();
	}

	/** Verifies as the service does, at the test's time; returns the kid used. */
	private String decode(SigningKeys verifier, String token) throws Exception {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(verifier.verificationSource())
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(this.clock);
		decoder.setJwtValidator(timestamps);
		decoder.decode(token);
		return kid(token);
	}

	private static String kid(String token) throws Exception {
		return SignedJWT.parse(token).getHeader().getKeyID();
	}

}
