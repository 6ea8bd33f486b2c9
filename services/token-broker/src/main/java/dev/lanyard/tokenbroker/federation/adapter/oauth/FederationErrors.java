package dev.lanyard.tokenbroker.federation.adapter.oauth;

import dev.lanyard.tokenbroker.federation.domain.FederationCheck;

/**
 * The error descriptions of refused federation tokens: which check failed, in general
 * terms; never a value from the token, so nothing presented is echoed back.
 */
final class FederationErrors {

	private FederationErrors() {
	}

	static String describe(FederationCheck check) {
		return switch (check) {
			case MALFORMED -> "The presented token is not a well-formed signed JWT";
			case ALGORITHM -> "The presented token's signature algorithm is not accepted";
			case TOKEN_TYPE -> "The presented token's typ is not accepted";
			case ISSUER -> "The presented token's issuer is not trusted";
			case KEYS_UNAVAILABLE -> "The issuer's keys could not be fetched; retry later";
			case UNKNOWN_KEY -> "The presented token is signed with a key the issuer does not publish";
			case SIGNATURE -> "The presented token's signature is invalid";
			case AUDIENCE -> "The presented token's audience is not accepted";
			case EXPIRED -> "The presented token has expired";
			case NOT_YET_VALID -> "The presented token is not valid yet";
			case TOO_OLD -> "The presented token is too old";
			case JTI_MISSING -> "The presented token has no jti";
			case REQUIRED_CLAIM -> "The presented token lacks a required claim";
			case SUBJECT_RULE -> "The presented token's subject is not accepted";
			case AMBIGUOUS -> "More than one trust rule accepts the presented token; name one in audience";
			case JTI_REPLAYED -> "The presented token was already used";
			case UNKNOWN_USER -> "The presented token names no known user";
			case USER_DEACTIVATED -> "The user is deactivated";
			case USER_LOCKED -> "The user is locked";
			case USER_NOT_ADMITTED -> "The presented token names a person who may not become a Lanyard user";
			case USERS_UNAVAILABLE -> "The user could not be created now, so no token was issued; retry later";
			case UNKNOWN_CONTENT -> "The trust rule's content item does not exist";
			case SCOPE -> "A requested scope is not allowed";
		};
	}

}
