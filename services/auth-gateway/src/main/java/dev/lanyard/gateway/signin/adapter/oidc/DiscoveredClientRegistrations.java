package dev.lanyard.gateway.signin.adapter.oidc;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.lanyard.gateway.web.ExposedDetail;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClient;

/**
 * Client registrations found through each provider's discovery document, on first use and
 * then kept. Discovery is bounded in time and refuses metadata whose issuer is not
 * exactly the configured one. Looking up lazily keeps the gateway starting (and routing
 * tokens) while a provider is unreachable; a failed lookup is tried again at the next
 * sign-in.
 */
public final class DiscoveredClientRegistrations implements ReactiveClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(DiscoveredClientRegistrations.class);

	private static final List<String> STANDARD_SCOPES = List.of("openid", "email", "profile");

	private static final ParameterizedTypeReference<Map<String, Object>> METADATA = new ParameterizedTypeReference<>() {
	};

	private final SignInProperties settings;

	private final Map<String, ClientRegistration> found = new ConcurrentHashMap<>();

	private final RestClient http;

	/**
	 * @param settings the providers
	 * @param connectTimeout how long connecting to a provider may take
	 * @param answerTimeout how long a provider may take to answer once connected
	 */
	public DiscoveredClientRegistrations(SignInProperties settings, Duration connectTimeout, Duration answerTimeout) {
		if (settings == null) {
			throw new IllegalArgumentException("settings cannot be null");
		}
		if (connectTimeout == null || answerTimeout == null) {
			throw new IllegalArgumentException("connectTimeout and answerTimeout cannot be null");
		}
		this.settings = settings;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(connectTimeout).build());
		requests.setReadTimeout(answerTimeout);
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
		SignInProperties.Provider provider = this.settings.providers().get(registrationId);
		if (provider == null) {
			return Mono.empty();
		}
		ClientRegistration known = this.found.get(registrationId);
		if (known != null) {
			return Mono.just(known);
		}
		return Mono.fromCallable(() -> discover(registrationId, provider))
			.subscribeOn(Schedulers.boundedElastic())
			.doOnNext((registration) -> this.found.put(registrationId, registration));
	}

	private ClientRegistration discover(String name, SignInProperties.Provider provider) {
		Set<String> scopes = new LinkedHashSet<>(STANDARD_SCOPES);
		scopes.addAll(provider.scopes());
		try {
			ClientRegistration registration = ClientRegistrations
				.fromOidcConfiguration(metadata(provider.issuer().toString()))
				.registrationId(name)
				.clientId(provider.clientId())
				.clientSecret(provider.secret())
				.scope(scopes)
				.redirectUri(this.settings.publicUrl().toString().replaceAll("/$", "")
						+ "/login/oauth2/code/{registrationId}")
				.userNameAttributeName(provider.claims().uniqueId())
				.build();
			log.info("Discovered OIDC provider {} at issuer {}", name, provider.issuer());
			return registration;
		}
		catch (RuntimeException ex) {
			// The message names the issuer and what did not match; never the secret.
			log.warn("Discovery of OIDC provider {} at {} failed: {}", name, provider.issuer(), ex.getMessage());
			throw new ProviderUnavailableException(name, ex);
		}
	}

	/**
	 * The provider's OpenID Connect discovery document, fetched within the bounds (Spring
	 * Security's own lookup waits without end for a provider that accepts the connection
	 * and never answers), and refused unless it names exactly the configured issuer
	 * (OpenID Connect Discovery 1.0, section 4.3).
	 */
	private Map<String, Object> metadata(String issuer) {
		Map<String, Object> metadata = this.http.get()
			.uri(issuer.replaceAll("/$", "") + "/.well-known/openid-configuration")
			.retrieve()
			.body(METADATA);
		if (metadata == null || !issuer.equals(metadata.get("issuer"))) {
			throw new IllegalStateException("The discovery document names the issuer "
					+ ((metadata != null) ? metadata.get("issuer") : null) + ", not the configured " + issuer);
		}
		return metadata;
	}

	/** A provider's discovery document could not be fetched or was refused. */
	public static final class ProviderUnavailableException extends ErrorResponseException implements ExposedDetail {

		ProviderUnavailableException(String provider, Throwable cause) {
			super(HttpStatus.SERVICE_UNAVAILABLE, cause);
			setDetail("The identity provider '" + provider
					+ "' cannot be used right now: its discovery document could not be fetched or names another issuer.");
		}

	}

}
