package dev.lanyard.tokenbroker.delegation.application;

import dev.lanyard.tokenbroker.delegation.domain.DelegatedToken;

/** Signs delegated tokens. */
public interface DelegatedTokenSigner {

	/** The signed token (a JWT) saying what {@code token} says. */
	String sign(DelegatedToken token);

}
