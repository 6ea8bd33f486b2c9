package dev.lanyard.testing.jwt;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * One JWT as token-broker would sign it, changed in the one way a test is about. Valid
 * for five minutes from now.
 */
public final class TestToken {

	private final ECKey ec;

	private final RSAKey rsa;

	private final ECKey stranger;

	private String issuer = TestJwks.ISSUER;

	private String audience;

	private String subject = "test-client";

	private List<String> roles = List.of();

	private String tokenType = TestJwks.CONTENT_SESSION;

	private String typ;

	private boolean typChosen;

	private Signing signing = Signing.ES256;

	TestToken(ECKey ec, RSAKey rsa, ECKey stranger, String audience) {
		this.ec = ec;
		this.rsa = rsa;
		this.stranger = stranger;
		this.audience = audience;
	}

	public TestToken issuer(String issuer) {
		this.issuer = issuer;
		return this;
	}

	public TestToken audience(String audience) {
		this.audience = audience;
		return this;
	}

	public TestToken subject(String subject) {
		this.subject = subject;
		return this;
	}

	public TestToken roles(String... roles) {
		this.roles = List.of(roles);
		return this;
	}

	/** The {@code lanyard_token_type} claim; {@code null} leaves it out. */
	public TestToken tokenType(String tokenType) {
		this.tokenType = tokenType;
		return this;
	}

	/**
	 * The JOSE {@code typ}; {@code null} leaves it out. Unless chosen, it is
	 * token-broker's: {@code user-session+jwt} for a user-session token, {@code at+jwt}
	 * otherwise.
	 */
	public TestToken typ(String typ) {
		this.typ = typ;
		this.typChosen = true;
		return this;
	}

	/** RS256 with the JWK set's RSA key. */
	public TestToken rs256() {
		this.signing = Signing.RS256;
		return this;
	}

	/** Signed by a key the JWK set does not hold, under the real key's id. */
	public TestToken signedByStranger() {
		this.signing = Signing.STRANGER;
		return this;
	}

	public String sign() {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(this.subject)
			.audience(this.audience)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", this.roles)
			.claim("lanyard_token_type", this.tokenType)
			.build();
		JWSHeader.Builder header = new JWSHeader.Builder(algorithm()).keyID(key().getKeyID());
		String chosenTyp = this.typChosen ? this.typ
				: TestJwks.USER_SESSION.equals(this.tokenType) ? "user-session+jwt" : "at+jwt";
		if (chosenTyp != null) {
			header.type(new JOSEObjectType(chosenTyp));
		}
		SignedJWT jwt = new SignedJWT(header.build(), claims);
		try {
			jwt.sign(signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private JWSAlgorithm algorithm() {
		return (this.signing == Signing.RS256) ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
	}

	private com.nimbusds.jose.jwk.JWK key() {
		return switch (this.signing) {
			case ES256 -> this.ec;
			case RS256 -> this.rsa;
			case STRANGER -> this.stranger;
		};
	}

	private JWSSigner signer() throws JOSEException {
		return switch (this.signing) {
			case ES256 -> new ECDSASigner(this.ec);
			case RS256 -> new RSASSASigner(this.rsa);
			case STRANGER -> new ECDSASigner(this.stranger);
		};
	}

	private enum Signing {

		ES256, RS256, STRANGER

	}

}
