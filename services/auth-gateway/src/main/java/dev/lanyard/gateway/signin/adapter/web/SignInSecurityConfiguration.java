package dev.lanyard.gateway.signin.adapter.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import dev.lanyard.gateway.routing.ProxyProperties;
import dev.lanyard.gateway.routing.UpstreamFailover;
import dev.lanyard.gateway.routing.UpstreamInstances;
import dev.lanyard.gateway.routing.UpstreamProperties;
import dev.lanyard.gateway.routing.UpstreamRoute;
import dev.lanyard.gateway.signin.adapter.oidc.DiscoveredClientRegistrations;
import dev.lanyard.gateway.signin.adapter.oidc.SignInProperties;
import dev.lanyard.gateway.signin.adapter.tokenbroker.GatewayClientCredentials;
import dev.lanyard.gateway.signin.adapter.tokenbroker.TokenBrokerClientProperties;
import dev.lanyard.gateway.signin.adapter.tokenbroker.UpstreamTokenDeposits;
import dev.lanyard.gateway.signin.adapter.tokenbroker.UserSessionTokens;
import dev.lanyard.gateway.signin.application.CompleteSignIn;
import dev.lanyard.gateway.signin.application.SignOutAnnouncer;
import dev.lanyard.gateway.signin.application.LoginAnnouncer;
import dev.lanyard.gateway.signin.application.PendingSignIns;
import dev.lanyard.gateway.signin.application.UserDirectory;
import dev.lanyard.gateway.signin.domain.ClaimMapping;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.HttpStatusReturningServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;

/**
 * Sign-in through upstream OpenID Connect providers: authorization code with PKCE (S256),
 * {@code state} and {@code nonce}, started at {@code /login/{provider}}, answered at
 * {@code /login/oauth2/code/{provider}}. Every other path is authorised by the service
 * behind it (bearer tokens), so the gateway's own chain permits them and never needs a
 * CSRF token for them; the cookie-authenticated endpoints ({@code POST /logout},
 * {@code POST /api/me/**}) do.
 */
@Configuration(proxyBeanMethods = false)
public class SignInSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SignInSecurityConfiguration.class);

	private static final Duration PROVIDER_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration PROVIDER_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

	@Bean
	UserDirectory userDirectory() {
		return new UserDirectory();
	}

	@Bean
	PendingSignIns pendingSignIns() {
		return new PendingSignIns();
	}

	@Bean
	CompleteSignIn completeSignIn(LoginAnnouncer announcer, PendingSignIns pending, SignInProperties settings) {
		return new CompleteSignIn(announcer, pending, settings.outcomeTimeout());
	}

	@Bean
	DiscoveredClientRegistrations clientRegistrations(SignInProperties settings) {
		settings.providers()
			.forEach((name, provider) -> log.info("Sign-in provider {}: issuer {}, client {}, claims from {}", name,
					provider.issuer(), provider.clientId(), provider.claimsSource()));
		return new DiscoveredClientRegistrations(settings, PROVIDER_CONNECT_TIMEOUT, PROVIDER_RESPONSE_TIMEOUT);
	}

	@Bean
	UserSessionTokens userSessionTokens(UpstreamProperties upstreams, ProxyProperties proxy,
			TokenBrokerClientProperties client) {
		if (!client.configured()) {
			log.warn("lanyard.gateway.token-broker-client is not set: signed-in users cannot get session tokens");
		}
		return new UserSessionTokens(tokenBroker(upstreams, proxy), new GatewayClientCredentials(client),
				client.timeout());
	}

	@Bean
	UpstreamTokenDeposits upstreamTokenDeposits(UpstreamProperties upstreams, ProxyProperties proxy,
			TokenBrokerClientProperties client) {
		return new UpstreamTokenDeposits(tokenBroker(upstreams, proxy), new GatewayClientCredentials(client),
				client.timeout());
	}

	/**
	 * The gateway's own calls to token-broker, spread over its instances like the routed
	 * requests.
	 */
	private static WebClient tokenBroker(UpstreamProperties upstreams, ProxyProperties proxy) {
		return WebClient.builder()
			.baseUrl(upstreams.tokenBrokerUrl().toString())
			.filter(new UpstreamFailover(new UpstreamInstances(upstreams.tokenBrokerUrls(), proxy.instanceDownFor())))
			.build();
	}

	/**
	 * Once the gateway is up, looks up every provider's discovery document and opens the
	 * UserLoggedIn producer, so the first sign-ins do not pay for both (in the
	 * background: a provider that is down is looked up again at its first sign-in).
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> signInWarmUp(SignInProperties settings,
			DiscoveredClientRegistrations registrations) {
		return (event) -> Thread.ofVirtual().name("sign-in-warm-up").start(() -> {
			settings.providers()
				.keySet()
				.forEach((name) -> registrations.findByRegistrationId(name)
					.onErrorResume((ex) -> Mono.empty())
					.block(java.time.Duration.ofSeconds(30)));
		});
	}

	@Bean
	RelayedRequestGuard relayedRequestGuard() {
		return new RelayedRequestGuard();
	}

	@Bean
	AuditPageGate auditPageGate(UserDirectory directory, SignInProperties settings) {
		return new AuditPageGate(directory, List.copyOf(settings.providers().keySet()));
	}

	@Bean
	SessionBearerRelay sessionBearerRelay(UserDirectory directory, UserSessionTokens tokens, Clock clock) {
		return new SessionBearerRelay(directory, tokens, clock);
	}

	/**
	 * How the gateway calls the providers' token, UserInfo and JWKS endpoints: bounded,
	 * so a provider that stops answering fails the sign-in instead of holding it open.
	 * One client serves all three.
	 */
	private final WebClient providerClient = providerClient();

	private static WebClient providerClient() {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) PROVIDER_CONNECT_TIMEOUT.toMillis())
			.responseTimeout(PROVIDER_RESPONSE_TIMEOUT);
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	/**
	 * Exchanges the authorization code at the provider, bounded (Spring Security picks
	 * this bean).
	 */
	@Bean
	ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient() {
		WebClientReactiveAuthorizationCodeTokenResponseClient client = new WebClientReactiveAuthorizationCodeTokenResponseClient();
		client.setWebClient(this.providerClient);
		// a provider that cannot be reached or does not answer in time is an outage, not
		// an untrustworthy answer (SignInFailureHandler answers 503 for it)
		return (request) -> client.getTokenResponse(request)
			.onErrorMap((ex) -> !(ex instanceof OAuth2AuthorizationException),
					(ex) -> new OAuth2AuthorizationException(new OAuth2Error(SignInFailureHandler.PROVIDER_UNAVAILABLE,
							"The identity provider's token endpoint did not answer in time", null), ex));
	}

	/**
	 * ID tokens verified as Spring Security's default factory does (RS256, the OIDC ID
	 * token validator, the standard claim types), but with the provider's JWK set fetched
	 * through the bounded client: a JWKS endpoint that stops answering fails the sign-in
	 * instead of holding it open (Spring Security picks this bean).
	 */
	@Bean
	ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoderFactory() {
		Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();
		ClaimTypeConverter claimTypes = new ClaimTypeConverter(
				ReactiveOidcIdTokenDecoderFactory.createDefaultClaimTypeConverters());
		return (registration) -> decoders.computeIfAbsent(registration.getRegistrationId(), (id) -> {
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
				.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.webClient(this.providerClient)
				.build();
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
					new OidcIdTokenValidator(registration)));
			decoder.setClaimSetConverter(claimTypes);
			log.info("ID tokens of provider {} are checked against the keys at {} (bounded fetch)", id,
					registration.getProviderDetails().getJwkSetUri());
			return decoder;
		});
	}

	@Bean
	OidcReactiveOAuth2UserService oidcUserService(SignInProperties settings) {
		OidcReactiveOAuth2UserService service = new OidcReactiveOAuth2UserService();
		DefaultReactiveOAuth2UserService userInfo = new DefaultReactiveOAuth2UserService();
		userInfo.setWebClient(this.providerClient);
		service.setOauth2UserService(userInfo);
		service.setRetrieveUserInfo((request) -> {
			SignInProperties.Provider provider = settings.providers()
				.get(request.getClientRegistration().getRegistrationId());
			return provider != null && provider.claimsSource() == SignInProperties.ClaimsSource.USERINFO
					&& request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri() != null;
		});
		return service;
	}

	/**
	 * Spring Security's filters run undecorated: nothing exports observations here (see
	 * {@code management.observations.enable.all}), and the decorator around every filter
	 * costs each request.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityWebFilterChain signInFilterChain(ServerHttpSecurity http,
			ReactiveClientRegistrationRepository registrations, SignInProperties settings,
			CompleteSignIn completeSignIn, UpstreamProperties upstreams, SignOutAnnouncer signOuts,
			UpstreamTokenDeposits deposits, MeterRegistry meters) {
		SignInOutcomeMetrics signIns = new SignInOutcomeMetrics(meters);
		Map<String, ClaimMapping> mappings = settings.providers()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> new ClaimMapping(entry.getKey(),
					entry.getValue().claimNames(), entry.getValue().rules())));
		// nothing is ever saved to return to: every accepted sign-in lands on the landing
		// path
		var onAccepted = new RedirectServerAuthenticationSuccessHandler(settings.landingPath());
		onAccepted.setRequestCache(NoOpServerRequestCache.getInstance());
		// Routed paths are authorised by their services (bearer tokens): they skip this
		// chain entirely, so a token request pays for no session or CSRF work here.
		return http
			.securityMatcher(new NegatedServerWebExchangeMatcher(
					ServerWebExchangeMatchers.pathMatchers(UpstreamRoute.table(upstreams)
						.stream()
						.flatMap((route) -> route.paths().stream())
						.toArray(String[]::new))))
			// a signed-in browser is known by the user id its session holds
			// (SessionAttributes), not by a stored security context: the session keeps
			// neither the provider's ID token nor its claims
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.csrf((csrf) -> csrf
				.requireCsrfProtectionMatcher(ServerWebExchangeMatchers
					.matchers(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/logout", "/api/me/**")))
				.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
			.oauth2Login((login) -> login.clientRegistrationRepository(registrations)
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.authorizedClientRepository(new ProviderTokensNotKept())
				.authorizationRequestResolver(authorizationRequests(registrations))
				.authenticationSuccessHandler(signIns.counted(new SignInSuccessHandler(mappings, completeSignIn,
						onAccepted, depositingProviders(settings), deposits)))
				.authenticationFailureHandler(signIns.counted(new SignInFailureHandler())))
			.logout((out) -> out.logoutUrl("/logout")
				.logoutHandler(new DelegatingServerLogoutHandler(new SignOutAnnouncement(signOuts),
						new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(new HttpStatusReturningServerLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
			.build();
	}

	private static Set<String> depositingProviders(SignInProperties settings) {
		return settings.providers()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().depositUpstreamToken())
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	/**
	 * Writes the CSRF cookie on every response that does not have it yet, so a browser
	 * script can echo it in {@code X-XSRF-TOKEN}.
	 */
	@Bean
	WebFilter csrfCookieWriter() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			return (token != null) ? token.then(chain.filter(exchange)) : chain.filter(exchange);
		};
	}

	private static ServerOAuth2AuthorizationRequestResolver authorizationRequests(
			ReactiveClientRegistrationRepository registrations) {
		var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations,
				ServerWebExchangeMatchers.pathMatchers("/login/{registrationId}"));
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		return resolver;
	}

}
