package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/** Reading a token request's parameters for the custom grants' converters. */
public final class GrantParameters {

	private GrantParameters() {
	}

	/** The parameter's one non-empty value; {@code invalid_request} otherwise. */
	public static String requireSingle(HttpServletRequest request, String name) {
		String value = optionalSingle(request, name);
		if (value == null) {
			throw invalidRequest("The " + name + " parameter is required");
		}
		return value;
	}

	/**
	 * The parameter's value, or {@code null} when absent or empty;
	 * {@code invalid_request} when given more than once.
	 */
	public static String optionalSingle(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		if (values == null || values.length == 0) {
			return null;
		}
		if (values.length > 1) {
			throw invalidRequest("The " + name + " parameter must be given once");
		}
		return values[0].isEmpty() ? null : values[0];
	}

	/**
	 * The authenticated client of the request, or an anonymous principal when it did not
	 * authenticate (the grant's provider decides whether that is enough).
	 */
	public static Authentication clientPrincipal() {
		Authentication principal = SecurityContextHolder.getContext().getAuthentication();
		return (principal != null) ? principal : new AnonymousAuthenticationToken("anonymous", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

	public static OAuth2AuthenticationException invalidRequest(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
	}

}
