package dev.lanyard.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Grants a request when the caller's token is of one of the given kinds
 * ({@link TokenAuthorities}) and, if required, holds a role and is meant for an audience
 * ({@code aud}). A refusal says what was missing, for the 403 problem details
 * ({@link #refusal(AccessDeniedException)}). It looks at the authentication only, so it
 * fits any secured object; servlet services pass it to
 * {@code requestMatchers(...).access(...)}.
 */
public final class TokenAccess implements AuthorizationManager<Object> {

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private final String action;

	private final List<String> tokenTypes;

	private final String role;

	private final String audience;

	private TokenAccess(String action, List<String> tokenTypes, String role, String audience) {
		this.action = action;
		this.tokenTypes = tokenTypes;
		this.role = role;
		this.audience = audience;
	}

	/**
	 * @param action what the caller does, for the refusal ("Managing integrations")
	 * @param tokenTypes the accepted values of {@code lanyard_token_type}
	 */
	public static TokenAccess of(String action, String... tokenTypes) {
		if (action == null || action.isBlank()) {
			throw new IllegalArgumentException("action cannot be blank");
		}
		if (tokenTypes == null || tokenTypes.length == 0) {
			throw new IllegalArgumentException("tokenTypes cannot be empty");
		}
		return new TokenAccess(action, List.of(tokenTypes), null, null);
	}

	public TokenAccess withRole(String role) {
		if (role == null || role.isBlank()) {
			throw new IllegalArgumentException("role cannot be blank");
		}
		return new TokenAccess(this.action, this.tokenTypes, role, this.audience);
	}

	public TokenAccess withAudience(String audience) {
		if (audience == null || audience.isBlank()) {
			throw new IllegalArgumentException("audience cannot be blank");
		}
		return new TokenAccess(this.action, this.tokenTypes, this.role, audience);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, Object object) {
		Authentication caller = authentication.get();
		if (caller == null || !caller.isAuthenticated()) {
			return new Refusal(this.action + " requires a bearer token");
		}
		Set<String> authorities = caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		if (this.tokenTypes.stream()
			.noneMatch((type) -> authorities.contains(TokenAuthorities.TOKEN_TYPE_PREFIX + type))) {
			return new Refusal(this.action + " requires a token of type " + String.join(" or ", this.tokenTypes) + "; "
					+ presentedType(authorities));
		}
		if (this.role != null && !authorities.contains(TokenAuthorities.ROLE_PREFIX + this.role)) {
			return new Refusal(this.action + " requires the role " + this.role);
		}
		if (this.audience != null && !(caller instanceof JwtAuthenticationToken jwt
				&& jwt.getToken().getAudience() != null && jwt.getToken().getAudience().contains(this.audience))) {
			return new Refusal(this.action + " requires a token for the audience " + this.audience);
		}
		return GRANTED;
	}

	/** Why access was refused, when a {@code TokenAccess} refused it. */
	public static Optional<String> refusal(AccessDeniedException ex) {
		return (ex instanceof AuthorizationDeniedException denied
				&& denied.getAuthorizationResult() instanceof Refusal refusal) ? Optional.of(refusal.detail())
						: Optional.empty();
	}

	private static String presentedType(Set<String> authorities) {
		return authorities.stream()
			.filter((authority) -> authority.startsWith(TokenAuthorities.TOKEN_TYPE_PREFIX))
			.map((authority) -> "this token's " + TokenAuthorities.TOKEN_TYPE_CLAIM + " is "
					+ authority.substring(TokenAuthorities.TOKEN_TYPE_PREFIX.length()))
			.findFirst()
			.orElse("this token has no " + TokenAuthorities.TOKEN_TYPE_CLAIM);
	}

	/** A denial and its reason, fit for the caller to read. */
	public record Refusal(String detail) implements AuthorizationResult {

		@Override
		public boolean isGranted() {
			return false;
		}

	}

}
