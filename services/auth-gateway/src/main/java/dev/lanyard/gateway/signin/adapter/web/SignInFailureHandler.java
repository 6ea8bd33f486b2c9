package dev.lanyard.gateway.signin.adapter.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.lanyard.gateway.web.ExchangeBodies;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

/**
 * The provider's answer could not be trusted (state, nonce, ID token issuer, audience,
 * signature or expiry) or the code exchange failed: 401 problem details naming the OAuth
 * error code, never the token; a provider that did not answer in time: 503. A session
 * already signed in stays so: any site can send a browser to the callback with a made-up
 * code, and that must not sign the person out.
 */
public final class SignInFailureHandler implements ServerAuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

	/**
	 * The error code of a provider that could not be reached or did not answer in time.
	 */
	static final String PROVIDER_UNAVAILABLE = "temporarily_unavailable";

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
		String code = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
				: "authentication_failed";
		log.info("Sign-in failed at the callback: {}", code);
		if (PROVIDER_UNAVAILABLE.equals(code)) {
			return ExchangeBodies.problem(webFilterExchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE,
					"The identity provider did not answer in time; start the sign-in again shortly.",
					java.util.Map.of("error", code));
		}
		return ExchangeBodies.problem(webFilterExchange.getExchange(), HttpStatus.UNAUTHORIZED,
				"The identity provider's answer could not be verified (" + code + "); start the sign-in again.",
				java.util.Map.of("error", code));
	}

}
