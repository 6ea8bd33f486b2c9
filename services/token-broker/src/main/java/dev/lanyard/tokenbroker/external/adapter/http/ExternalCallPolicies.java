package dev.lanyard.tokenbroker.external.adapter.http;

import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;

/**
 * The Resilience4j policies around external calls, built from settings. Only
 * {@link ExternalServiceUnavailableException} is retried and counted as a failure by the
 * circuit breakers; a refusal (4xx) is neither.
 */
public final class ExternalCallPolicies {

	private ExternalCallPolicies() {
	}

	public static Retry retry(String name, int maxAttempts, Duration initialBackoff) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be positive");
		}
		if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
			throw new IllegalArgumentException("initialBackoff must be positive");
		}
		return Retry.of(name,
				RetryConfig.custom()
					.maxAttempts(maxAttempts)
					.intervalFunction(IntervalFunction.ofExponentialBackoff(initialBackoff, 2.0))
					.retryOnException((ex) -> ex instanceof ExternalServiceUnavailableException)
					.failAfterMaxAttempts(false)
					.build());
	}

	public static CircuitBreakerRegistry circuitBreakers(float failureRateThreshold, int slidingWindowSize,
			int minimumNumberOfCalls, Duration waitDurationInOpenState) {
		return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(slidingWindowSize)
			.minimumNumberOfCalls(minimumNumberOfCalls)
			.failureRateThreshold(failureRateThreshold)
			.waitDurationInOpenState(waitDurationInOpenState)
			.permittedNumberOfCallsInHalfOpenState(1)
			.recordException((ex) -> ex instanceof ExternalServiceUnavailableException)
			.build());
	}

	public static BulkheadRegistry bulkheads(int maxConcurrentCalls, Duration maxWait) {
		return BulkheadRegistry
			.of(BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls).maxWaitDuration(maxWait).build());
	}

}
