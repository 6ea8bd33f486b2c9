package dev.lanyard.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * A token-broker JWT's authorities: each entry of {@code roles} as {@code ROLE_<role>},
 * and its kind, the claim {@code lanyard_token_type}, as {@code TOKEN_TYPE_<kind>}. The
 * kind matters because a user-session token carries the signed-in person's role and is
 * handed to content, which must not administer anything with it. Scopes are not
 * authorities here: a service decides by role and kind alone.
 */
public final class TokenAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

	/** The claim listing the caller's roles. */
	public static final String ROLES_CLAIM = TokenClaims.ROLES;

	/** The claim naming which kind of token token-broker issued. */
	public static final String TOKEN_TYPE_CLAIM = TokenClaims.TOKEN_TYPE;

	public static final String ROLE_PREFIX = "ROLE_";

	public static final String TOKEN_TYPE_PREFIX = "TOKEN_TYPE_";

	/** Client credentials of a registered client: content, auditors, administrators. */
	public static final String CONTENT_SESSION = "content-session";

	/** Minted for a signed-in person and handed to content. */
	public static final String USER_SESSION = "user-session";

	/**
	 * {@code user-audit}: a signed-in auditor's token that the gateway relays to audit's
	 * query API (the auditors' page); nothing else takes it.
	 */
	public static final String USER_AUDIT = "user-audit";

	/** token-broker's own short-lived token for calling another service. */
	public static final String INTERNAL_SERVICE = "internal-service";

	private final JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();

	public TokenAuthorities() {
		this.roles.setAuthoritiesClaimName(ROLES_CLAIM);
		this.roles.setAuthorityPrefix(ROLE_PREFIX);
	}

	/**
	 * The converter a resource server's {@code jwt.jwtAuthenticationConverter(...)}
	 * takes: a {@code JwtAuthenticationToken} with these authorities.
	 */
	public static JwtAuthenticationConverter authenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new TokenAuthorities());
		return converter;
	}

	/**
	 * As {@link #authenticationConverter()}, but a token whose JOSE {@code typ} is not
	 * one of {@code joseTypes} gets no authority: for a service whose decoder takes more
	 * types (token-broker's takes user session tokens for its token exchange) than its
	 * API.
	 */
	public static JwtAuthenticationConverter authenticationConverterForTypes(String... joseTypes) {
		if (joseTypes == null || joseTypes.length == 0) {
			throw new IllegalArgumentException("joseTypes cannot be empty");
		}
		List<String> accepted = List.of(joseTypes);
		TokenAuthorities authorities = new TokenAuthorities();
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(
				(jwt) -> (jwt.getHeaders().get("typ") instanceof String typ && accepted.contains(typ))
						? authorities.convert(jwt) : List.of());
		return converter;
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>(this.roles.convert(jwt));
		String tokenType = jwt.getClaimAsString(TOKEN_TYPE_CLAIM);
		if (tokenType != null && !tokenType.isBlank()) {
			authorities.add(new SimpleGrantedAuthority(TOKEN_TYPE_PREFIX + tokenType));
		}
		return authorities;
	}

}
