package dev.lanyard.tokenbroker.keys.adapter.jose;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.keys.application.KeyMaterialCipher;
import dev.lanyard.tokenbroker.keys.application.SigningKeyStore;
import dev.lanyard.tokenbroker.keys.application.SigningKeyStore.StoredSigningKey;
import dev.lanyard.tokenbroker.keys.application.SigningKeyring;
import dev.lanyard.tokenbroker.keys.application.UnencryptedMaterialException;
import dev.lanyard.tokenbroker.keys.domain.SigningAlgorithm;

/**
 * The service's signing keys as last read from the store: the active key of the
 * configured algorithm signs; every stored key (active or retired) is published for
 * verification. The first start generates and stores the active key, so later starts keep
 * its {@code kid}; {@link #reload()} picks up rotations, also another instance's. Keys
 * are Nimbus JWKs, and what signs and verifies reads them through {@link JWKSource}s.
 */
public final class SigningKeys implements SigningKeyring {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	/** Unknown {@code kid}s reload the keys at most this often (they may be forged). */
	private static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(1);

	private final SigningKeyStore store;

	private final KeyMaterialCipher cipher;

	private final SigningAlgorithm algorithm;

	private final Clock clock;

	private final AtomicReference<Loaded> loaded = new AtomicReference<>();

	private volatile Instant lastUnknownKidReload = Instant.MIN;

	private SigningKeys(SigningKeyStore store, KeyMaterialCipher cipher, SigningAlgorithm algorithm, Clock clock) {
		this.store = store;
		this.cipher = cipher;
		this.algorithm = algorithm;
		this.clock = clock;
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
		if (SigningKeyStore.activeKey(store.findAll(), algorithm) == null) {
			JWK generated = generate(algorithm, clock);
			if (store.insertActive(seal(generated, algorithm, cipher, clock))) {
				log.info("Generated {} signing key {} (private key stored {})", algorithm, generated.getKeyID(),
						KeyMaterialCipher.NONE.equals(cipher.encryption()) ? "unencrypted" : "encrypted");
			}
		}
		SigningKeys keys = new SigningKeys(store, cipher, algorithm, clock);
		keys.reload();
		return keys;
	}

	@Override
	public void reload() {
		List<StoredSigningKey> all = this.store.findAll();
		StoredSigningKey active = SigningKeyStore.activeKey(all, this.algorithm);
		if (active == null) {
			throw new IllegalStateException("No active " + this.algorithm + " signing key is stored");
		}
		List<JWK> keys = new ArrayList<>();
		for (StoredSigningKey key : all) {
			keys.add(parse(key, this.cipher));
		}
		Loaded next = new Loaded(parse(active, this.cipher), new JWKSet(keys), all);
		Loaded previous = this.loaded.getAndSet(next);
		if (previous == null || !previous.signingKey().getKeyID().equals(next.signingKey().getKeyID())
				|| previous.verificationKeys().size() != keys.size()) {
			log.info("Signing tokens with {} key {}; publishing {} key(s)", this.algorithm,
					next.signingKey().getKeyID(), keys.size());
		}
	}

	/** The key that signs new tokens, private part included. */
	public JWK signingKey() {
		return this.loaded.get().signingKey();
	}

	/**
	 * Every key tokens may be verified with (private parts included; publish with
	 * {@code toPublicJWKSet()}).
	 */
	public JWKSet verificationKeys() {
		return this.loaded.get().verificationKeys();
	}

	/**
	 * The verification keys, read again first (at most once a second) when one of
	 * {@code kids} is unknown: another instance may have rotated since the last reload.
	 */
	public JWKSet verificationKeys(Set<String> kids) {
		JWKSet keys = verificationKeys();
		if (kids == null || kids.stream().allMatch((kid) -> kid == null || keys.getKeyByKeyId(kid) != null)) {
			return keys;
		}
		Instant now = this.clock.instant();
		if (now.isBefore(this.lastUnknownKidReload.plus(UNKNOWN_KID_RELOAD_INTERVAL))) {
			return keys;
		}
		this.lastUnknownKidReload = now;
		try {
			reload();
		}
		catch (RuntimeException ex) {
			log.warn("Could not reload signing keys for an unknown kid: {}", ex.getMessage());
		}
		return verificationKeys();
	}

	/**
	 * The active key only, read per use (so a rotation takes effect at once): what signs,
	 * so key selection never sees two candidates.
	 */
	public JWKSource<SecurityContext> signingSource() {
		return (selector, context) -> selector.select(new JWKSet(signingKey()));
	}

	/**
	 * Every published key, read per use; a {@code kid} not known yet (another instance
	 * rotated) reads the keys again.
	 */
	public JWKSource<SecurityContext> verificationSource() {
		return (selector, context) -> selector.select(verificationKeys(selector.getMatcher().getKeyIDs()));
	}

	@Override
	public List<StoredSigningKey> stored() {
		return this.loaded.get().stored();
	}

	@Override
	public SigningAlgorithm algorithm() {
		return this.algorithm;
	}

	@Override
	public StoredSigningKey newKey() {
		return seal(generate(this.algorithm, this.clock), this.algorithm, this.cipher, this.clock);
	}

	static StoredSigningKey seal(JWK key, SigningAlgorithm algorithm, KeyMaterialCipher cipher, Clock clock) {
		return new StoredSigningKey(key.getKeyID(), algorithm, cipher.encryption(),
				cipher.seal(key.getKeyID(), key.toJSONString()), clock.instant(), null);
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

	/**
	 * What was read at once: readers never see the signing key of one load with the set
	 * of another.
	 */
	private record Loaded(JWK signingKey, JWKSet verificationKeys, List<StoredSigningKey> stored) {

		Loaded {
			stored = List.copyOf(stored);
		}

	}

}
