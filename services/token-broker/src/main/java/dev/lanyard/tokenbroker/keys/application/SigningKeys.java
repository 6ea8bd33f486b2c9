package dev.lanyard.tokenbroker.keys.application;

import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.keys.application.SigningKeyStore.StoredSigningKey;
import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;

/**
 * The service's signing keys, loaded once at start-up: the active key of the configured
 * algorithm signs; every stored key is published for verification. The first start
 * generates and stores the active key, so later starts keep its {@code kid}.
 */
public final class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final JWK signingKey;

	private final JWKSet verificationKeys;

	private SigningKeys(JWK signingKey, JWKSet verificationKeys) {
		this.signingKey = signingKey;
		this.verificationKeys = verificationKeys;
	}

	/**
	 * Loads the keys, first generating and storing an active key for the algorithm if
	 * there is none.
	 */
	public static SigningKeys loadOrCreate(SigningKeyStore store, KeyMaterialCipher cipher, SigningAlgorithm algorithm,
			Clock clock) {
		if (store == null) {
			throw new IllegalArgumentException("store cannot be null");
		}
		if (cipher == null) {
			throw new IllegalArgumentException("cipher cannot be null");
		}
		if (algorithm == null) {
			throw new IllegalArgumentException("algorithm cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		if (activeKey(store.findAll(), algorithm) == null) {
			JWK generated = generate(algorithm, clock);
			boolean stored = store.insertActive(new StoredSigningKey(generated.getKeyID(), algorithm, true,
					cipher.encryption(), cipher.seal(generated.getKeyID(), generated.toJSONString()), clock.instant()));
			if (stored) {
				log.info("Generated {} signing key {} (private key stored {})", algorithm, generated.getKeyID(),
						KeyMaterialCipher.NONE.equals(cipher.encryption()) ? "unencrypted" : "encrypted");
			}
		}
		List<StoredSigningKey> all = store.findAll();
		StoredSigningKey active = activeKey(all, algorithm);
		if (active == null) {
			throw new IllegalStateException("No active " + algorithm + " signing key after creating one");
		}
		List<JWK> keys = new ArrayList<>();
		for (StoredSigningKey key : all) {
			keys.add(parse(key, cipher));
		}
		JWK signingKey = parse(active, cipher);
		log.info("Signing tokens with {} key {}; publishing {} key(s)", algorithm, signingKey.getKeyID(), keys.size());
		return new SigningKeys(signingKey, new JWKSet(keys));
	}

	/** The key that signs new tokens, private part included. */
	public JWK signingKey() {
		return this.signingKey;
	}

	/**
	 * Every key tokens may be verified with (private parts included; publish with
	 * {@code toPublicJWKSet()}).
	 */
	public JWKSet verificationKeys() {
		return this.verificationKeys;
	}

	private static StoredSigningKey activeKey(List<StoredSigningKey> keys, SigningAlgorithm algorithm) {
		return keys.stream().filter((k) -> k.active() && k.algorithm() == algorithm).findFirst().orElse(null);
	}

	private static JWK parse(StoredSigningKey key, KeyMaterialCipher cipher) {
		try {
			return JWK.parse(cipher.open(key.kid(), key.keyEncryption(), key.material()));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored signing key " + key.kid() + " is not a valid JWK", ex);
		}
		catch (UnencryptedMaterialException ex) {
			throw new UnencryptedMaterialException("Signing key " + ex.getMessage());
		}
	}

	static JWK generate(SigningAlgorithm algorithm, Clock clock) {
		Date now = Date.from(clock.instant());
		try {
			return switch (algorithm) {
				case ES256 -> new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.ES256)
					.keyIDFromThumbprint(true)
					.issueTime(now)
					.generate();
				case RS256 -> new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.keyIDFromThumbprint(true)
					.issueTime(now)
					.generate();
			};
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate a " + algorithm + " key", ex);
		}
	}

}
