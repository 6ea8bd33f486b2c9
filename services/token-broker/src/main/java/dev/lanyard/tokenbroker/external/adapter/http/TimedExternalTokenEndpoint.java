package dev.lanyard.tokenbroker.external.adapter.http;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.lanyard.tokenbroker.external.application.DelegationEndpoint;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.ExternalTokenEndpoint;
import dev.lanyard.tokenbroker.external.application.UserGrantEndpoint;
import dev.lanyard.tokenbroker.external.domain.ExternalGrant;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Integration;

/**
 * Times every call to an external token endpoint ({@code lanyard.external.calls}, a
 * histogram by integration id, grant and outcome: {@code ok}, {@code refused} for a 4xx,
 * {@code unavailable} for what a retry could cure). It sits inside the retry, so each
 * attempt is one sample.
 */
public final class TimedExternalTokenEndpoint implements ExternalTokenEndpoint, UserGrantEndpoint, DelegationEndpoint {

	static final String CALLS = "lanyard.external.calls";

	private final HttpExternalTokenEndpoint delegate;

	private final MeterRegistry registry;

	public TimedExternalTokenEndpoint(HttpExternalTokenEndpoint delegate, MeterRegistry registry) {
		if (delegate == null) {
			throw new IllegalArgumentException("delegate cannot be null");
		}
		if (registry == null) {
			throw new IllegalArgumentException("registry cannot be null");
		}
		this.delegate = delegate;
		this.registry = registry;
	}

	@Override
	public ExternalToken clientCredentials(Integration integration, String clientSecret, Set<String> scopes)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		return timed(integration, "client_credentials",
				() -> this.delegate.clientCredentials(integration, clientSecret, scopes));
	}

	@Override
	public ExternalGrant authorizationCode(Integration integration, String clientSecret, String code, URI redirectUri,
			String codeVerifier) throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		return timed(integration, "authorization_code",
				() -> this.delegate.authorizationCode(integration, clientSecret, code, redirectUri, codeVerifier));
	}

	@Override
	public ExternalGrant refresh(Integration integration, String clientSecret, String refreshToken)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		return timed(integration, "refresh_token",
				() -> this.delegate.refresh(integration, clientSecret, refreshToken));
	}

	@Override
	public ExternalToken onBehalfOf(Integration integration, String clientSecret, String upstreamToken,
			Set<String> scopes) throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		return timed(integration, "on-behalf-of",
				() -> this.delegate.onBehalfOf(integration, clientSecret, upstreamToken, scopes));
	}

	private <T> T timed(Integration integration, String grant, Call<T> call)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		long started = System.nanoTime();
		String outcome = "unavailable";
		try {
			T result = call.run();
			outcome = "ok";
			return result;
		}
		catch (ExternalServiceRefusedException ex) {
			outcome = "refused";
			throw ex;
		}
		finally {
			Timer.builder(CALLS)
				.description("Calls to external token endpoints, each attempt, by integration, grant and outcome")
				.tag("integration", integration.integrationId())
				.tag("grant", grant)
				.tag("outcome", outcome)
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(5))
				.maximumExpectedValue(Duration.ofSeconds(30))
				.register(this.registry)
				.record(Duration.ofNanos(System.nanoTime() - started));
		}
	}

	@FunctionalInterface
	private interface Call<T> {

		T run() throws ExternalServiceUnavailableException, ExternalServiceRefusedException;

	}

}
