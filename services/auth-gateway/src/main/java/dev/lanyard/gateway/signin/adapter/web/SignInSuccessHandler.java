package dev.lanyard.gateway.signin.adapter.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.lanyard.gateway.signin.adapter.tokenbroker.UpstreamTokenDeposits;
import dev.lanyard.gateway.signin.application.CompleteSignIn;
import dev.lanyard.gateway.signin.application.SignInCommand;
import dev.lanyard.gateway.signin.application.SignInUnavailableException;
import dev.lanyard.gateway.signin.domain.ClaimMapping;
import dev.lanyard.gateway.signin.domain.SignInOutcome;
import dev.lanyard.gateway.web.CorrelationIdFilter;
import dev.lanyard.gateway.web.ExchangeBodies;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * Runs after the provider vouched for the person (code exchanged, ID token checked): maps
 * the claims, applies the provider's rules, announces UserLoggedIn and waits for
 * user-provisioning's answer. Only an accepted sign-in leaves a usable session; any other
 * outcome ends the session and says why. An accepted sign-in through a provider set to
 * deposit its access token hands it to token-broker for the new session.
 */
public final class SignInSuccessHandler implements ServerAuthenticationSuccessHandler {

	private static final Logger log = LoggerFactory.getLogger(SignInSuccessHandler.class);

	private final Map<String, ClaimMapping> mappings;

	private final CompleteSignIn completeSignIn;

	private final ServerAuthenticationSuccessHandler onAccepted;

	private final Set<String> depositingProviders;

	private final UpstreamTokenDeposits deposits;

	public SignInSuccessHandler(Map<String, ClaimMapping> mappings, CompleteSignIn completeSignIn,
			ServerAuthenticationSuccessHandler onAccepted) {
		this(mappings, completeSignIn, onAccepted, Set.of(), null);
	}

	/**
	 * @param depositingProviders the providers whose access token is deposited at
	 * token-broker for the new session
	 * @param deposits where to, or {@code null} when no provider deposits
	 */
	public SignInSuccessHandler(Map<String, ClaimMapping> mappings, CompleteSignIn completeSignIn,
			ServerAuthenticationSuccessHandler onAccepted, Set<String> depositingProviders,
			UpstreamTokenDeposits deposits) {
		if (depositingProviders == null || (!depositingProviders.isEmpty() && deposits == null)) {
			throw new IllegalArgumentException("depositingProviders cannot be null, nor set without deposits");
		}
		this.depositingProviders = Set.copyOf(depositingProviders);
		this.deposits = deposits;
		if (mappings == null) {
			throw new IllegalArgumentException("mappings cannot be null");
		}
		if (completeSignIn == null) {
			throw new IllegalArgumentException("completeSignIn cannot be null");
		}
		if (onAccepted == null) {
			throw new IllegalArgumentException("onAccepted cannot be null");
		}
		this.mappings = Map.copyOf(mappings);
		this.completeSignIn = completeSignIn;
		this.onAccepted = onAccepted;
	}

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
		ServerWebExchange exchange = webFilterExchange.getExchange();
		if (!(authentication instanceof OAuth2AuthenticationToken token)
				|| !(token.getPrincipal() instanceof OidcUser person)) {
			return refuse(exchange, HttpStatus.FORBIDDEN, "The sign-in did not come from an OpenID Connect provider.");
		}
		String provider = token.getAuthorizedClientRegistrationId();
		ClaimMapping mapping = this.mappings.get(provider);
		if (mapping == null) {
			return refuse(exchange, HttpStatus.FORBIDDEN, "Unknown identity provider.");
		}
		ClaimMapping.Result mapped = mapping.map(person.getIssuer().toString(), person.getClaims());
		if (mapped instanceof ClaimMapping.Refused refused) {
			log.info("Refused sign-in through {}: {}", provider, refused.reason());
			return refuse(exchange, HttpStatus.FORBIDDEN, refused.message(), refused.reason());
		}
		ClaimMapping.Mapped identity = (ClaimMapping.Mapped) mapped;
		String correlationId = (CorrelationIdFilter.of(exchange) != null) ? CorrelationIdFilter.of(exchange)
				: UUID.randomUUID().toString();
		return exchange.getSession().flatMap((session) -> {
			String sessionId = UUID.randomUUID().toString();
			session.getAttributes().put(SessionAttributes.SESSION_ID, sessionId);
			// UUID.randomUUID draws from SecureRandom: the answer is matched by this id
			SignInCommand command = new SignInCommand(UUID.randomUUID(), identity.identity(), sessionId, correlationId,
					mapping.rules().registerOnFirstLogin());
			// the answer completes the future on the Kafka consumer thread that reads
			// every sign-in's answer: the rest of the sign-in runs elsewhere
			return Mono.fromFuture(() -> this.completeSignIn.complete(command))
				.publishOn(Schedulers.parallel())
				.flatMap((outcome) -> switch (outcome) {
					case SignInOutcome.Accepted accepted -> {
						session.getAttributes().put(SessionAttributes.USER_ID, accepted.user().userId());
						// token-broker mints for this session only against this announced
						// sign-in
						session.getAttributes()
							.put(SessionAttributes.LOGIN_EVENT_ID, command.loginEventId().toString());
						log.info("Signed in user {} through {} (session {})", accepted.user().userId(), provider,
								sessionId);
						// a new cookie value: one planted before sign-in
						// (session fixation) is dead from here on
						yield deposit(exchange, provider, sessionId, command, accepted.user().userId(), correlationId)
							.then(session.changeSessionId())
							.then(this.onAccepted.onAuthenticationSuccess(webFilterExchange, authentication));
					}
					case SignInOutcome.Refused refused -> {
						log.info("user-provisioning refused sign-in through {} (session {}): {}", provider, sessionId,
								refused.reason());
						yield end(session).then(ExchangeBodies.problem(exchange, HttpStatus.FORBIDDEN,
								refused.message(), Map.of("reason", refused.reason())));
					}
				})
				.onErrorResume(SignInUnavailableException.class, (ex) -> {
					log.warn("Sign-in through {} not completed (session {}): {}", provider, sessionId, ex.getMessage());
					return end(session).then(ExchangeBodies.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
							"The sign-in could not be completed right now; try again shortly."));
				});
		});
	}

	/**
	 * The provider's access token, kept on the request only, goes to token-broker for
	 * this session when the provider is set to deposit it.
	 */
	private Mono<Void> deposit(ServerWebExchange exchange, String provider, String sessionId, SignInCommand command,
			String userId, String correlationId) {
		OAuth2AccessToken accessToken = exchange.getAttribute(ProviderTokensNotKept.ACCESS_TOKEN);
		exchange.getAttributes().remove(ProviderTokensNotKept.ACCESS_TOKEN);
		if (!this.depositingProviders.contains(provider) || accessToken == null) {
			return Mono.empty();
		}
		return this.deposits.deposit(sessionId, command.loginEventId().toString(), userId, accessToken.getTokenValue(),
				accessToken.getExpiresAt(), correlationId);
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String message) {
		return exchange.getSession()
			.flatMap(SignInSuccessHandler::end)
			.then(ExchangeBodies.problem(exchange, status, message));
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String message, String reason) {
		return exchange.getSession()
			.flatMap(SignInSuccessHandler::end)
			.then(ExchangeBodies.problem(exchange, status, message, Map.of("reason", reason)));
	}

	private static Mono<Void> end(WebSession session) {
		return session.invalidate();
	}

}
