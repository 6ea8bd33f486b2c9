package dev.lanyard.tokenbroker.issuance.adapter.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/** Reading a token request's parameters for the custom grants' converters. */
public final class GrantParameters {

	static final int MAX_SCOPE_LENGTH = 2048;

	static final int MAX_IDENTIFIER_LENGTH = 256;

	/** RFC 6749 §3.3's scope-token: 1*( %x21 / %x23-5B / %x5D-7E ). */
	private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

	private static final Pattern IDENTIFIER = Pattern.compile("[\\x21-\\x7E]+");

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
		if (inQueryString(request, name)) {
			throw invalidRequest("The " + name + " parameter must be sent in the request body");
		}
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

	/**
	 * The scopes of the optional {@code scope} parameter; {@code invalid_request} when a
	 * scope token breaks RFC 6749 §3.3's syntax (printable ASCII without {@code "} and
	 * {@code \\}) or the parameter exceeds {@value #MAX_SCOPE_LENGTH} characters: the
	 * values reach log lines and audit records.
	 */
	public static Set<String> scopes(HttpServletRequest request) {
		String scope = optionalSingle(request, OAuth2ParameterNames.SCOPE);
		if (scope == null) {
			return Set.of();
		}
		if (scope.length() > MAX_SCOPE_LENGTH) {
			throw invalidRequest("The scope parameter is too long");
		}
		Set<String> scopes = Arrays.stream(scope.split(" ")).filter((s) -> !s.isEmpty()).collect(Collectors.toSet());
		if (!scopes.stream().allMatch((s) -> SCOPE_TOKEN.matcher(s).matches())) {
			throw invalidRequest("The scope parameter is malformed (RFC 6749 section 3.3)");
		}
		return scopes;
	}

	/**
	 * The parameter's one value as an identifier: printable ASCII without spaces, at most
	 * {@value #MAX_IDENTIFIER_LENGTH} characters; {@code invalid_request} otherwise,
	 * never echoing the value.
	 */
	public static String requireIdentifier(HttpServletRequest request, String name) {
		String value = requireSingle(request, name);
		if (value.length() > MAX_IDENTIFIER_LENGTH || !IDENTIFIER.matcher(value).matches()) {
			throw invalidRequest("The " + name + " parameter must be an identifier of at most " + MAX_IDENTIFIER_LENGTH
					+ " printable characters");
		}
		return value;
	}

	/**
	 * Whether the parameter came in the URL's query string: token request parameters
	 * belong in the body (RFC 6749 §3.2; Spring Authorization Server reads its own
	 * grants' from the body only), as a URL is logged by every proxy on the way, and a
	 * value in both places would let the filters and the grant read different requests.
	 */
	private static boolean inQueryString(HttpServletRequest request, String name) {
		String query = request.getQueryString();
		if (query == null || query.isEmpty()) {
			return false;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			try {
				if (name.equals(
						URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8))) {
					return true;
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed query string: not one to read parameters from
				return true;
			}
		}
		return false;
	}

	public static OAuth2AuthenticationException invalidRequest(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
	}

}
