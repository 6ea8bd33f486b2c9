package dev.lanyard.tokenbroker.external.adapter.http;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.Callable;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;

import dev.lanyard.tokenbroker.external.application.DelegationEndpoint;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.application.ExternalTokenEndpoint;
import dev.lanyard.tokenbroker.external.application.UserGrantEndpoint;
import dev.lanyard.tokenbroker.external.domain.ExternalGrant;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.domain.Integration;

/**
 * Guards the calls to external token endpoints (every grant: client credentials,
 * authorization code, refresh token, delegation): a retry with back-off for failures a
 * retry can cure (transport, timeout, 5xx; never a 4xx such as {@code invalid_grant}),
 * around a circuit breaker per integration (which counts only those failures), around a
 * bulkhead per integration (a slow service cannot take every thread). An open circuit or
 * a full bulkhead fails at once as unavailable. The timeout is the HTTP request's own.
 */
public final class ResilientExternalTokenEndpoint
		implements ExternalTokenEndpoint, UserGrantEndpoint, DelegationEndpoint {

	private final ExternalTokenEndpoint delegate;

	private final UserGrantEndpoint userGrants;

	private final DelegationEndpoint delegations;

	private final Retry retry;

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads;

	/** Guards an endpoint that does all three kinds of grant. */
	public <E extends ExternalTokenEndpoint & UserGrantEndpoint & DelegationEndpoint> ResilientExternalTokenEndpoint(
			E endpoint, Retry retry, CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads) {
		this(endpoint, endpoint, endpoint, retry, circuitBreakers, bulkheads);
	}

	public ResilientExternalTokenEndpoint(ExternalTokenEndpoint delegate, UserGrantEndpoint userGrants, Retry retry,
			CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads) {
		this(delegate, userGrants, null, retry, circuitBreakers, bulkheads);
	}

	/**
	 * @param delegations delegation at the provider, or {@code null} when this endpoint
	 * does none
	 */
	public ResilientExternalTokenEndpoint(ExternalTokenEndpoint delegate, UserGrantEndpoint userGrants,
			DelegationEndpoint delegations, Retry retry, CircuitBreakerRegistry circuitBreakers,
			BulkheadRegistry bulkheads) {
		if (delegate == null) {
			throw new IllegalArgumentException("delegate cannot be null");
		}
		if (userGrants == null) {
			throw new IllegalArgumentException("userGrants cannot be null");
		}
		if (retry == null) {
			throw new IllegalArgumentException("retry cannot be null");
		}
		if (circuitBreakers == null) {
			throw new IllegalArgumentException("circuitBreakers cannot be null");
		}
		if (bulkheads == null) {
			throw new IllegalArgumentException("bulkheads cannot be null");
		}
		this.delegate = delegate;
		this.userGrants = userGrants;
		this.delegations = delegations;
		this.retry = retry;
		this.circuitBreakers = circuitBreakers;
		this.bulkheads = bulkheads;
	}

	@Override
	public ExternalToken clientCredentials(Integration integration, String clientSecret, Set<String> scopes)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		return guarded(integration, () -> this.delegate.clientCredentials(integration, clientSecret, scopes));
	}

	@Override
	public ExternalGrant authorizationCode(Integration integration, String clientSecret, String code, URI redirectUri,
			String codeVerifier) throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		return guarded(integration,
				() -> this.userGrants.authorizationCode(integration, clientSecret, code, redirectUri, codeVerifier));
	}

	@Override
	public ExternalGrant refresh(Integration integration, String clientSecret, String refreshToken)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		return guarded(integration, () -> this.userGrants.refresh(integration, clientSecret, refreshToken));
	}

	@Override
	public ExternalToken onBehalfOf(Integration integration, String clientSecret, String upstreamToken,
			Set<String> scopes) throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		if (this.delegations == null) {
			throw new IllegalStateException("This endpoint was built without delegation");
		}
		return guarded(integration,
				() -> this.delegations.onBehalfOf(integration, clientSecret, upstreamToken, scopes));
	}

	private <T> T guarded(Integration integration, Callable<T> call)
			throws ExternalServiceUnavailableException, ExternalServiceRefusedException {
		String name = integration.integrationId();
		CircuitBreaker circuitBreaker = this.circuitBreakers.circuitBreaker(name);
		Bulkhead bulkhead = this.bulkheads.bulkhead(name);
		try {
			return this.retry
				.executeCallable(() -> circuitBreaker.executeCallable(() -> bulkhead.executeCallable(call)));
		}
		catch (CallNotPermittedException ex) {
			throw new ExternalServiceUnavailableException(
					"Circuit breaker of integration " + name + " is open; not calling its token endpoint");
		}
		catch (BulkheadFullException ex) {
			throw new ExternalServiceUnavailableException(
					"Too many concurrent calls to the token endpoint of integration " + name);
		}
		catch (ExternalServiceUnavailableException | ExternalServiceRefusedException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ExternalServiceUnavailableException(
					"Calling the token endpoint of integration " + name + " failed: " + ex.getClass().getSimpleName(),
					ex);
		}
	}

}
