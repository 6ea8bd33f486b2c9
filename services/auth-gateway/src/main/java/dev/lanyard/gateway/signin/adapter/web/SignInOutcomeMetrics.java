package dev.lanyard.gateway.signin.adapter.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatusCode;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;

/**
 * Counts sign-ins at the callback by how they ended ({@code lanyard.signins}, tag
 * {@code outcome}): {@code accepted} (redirected to the landing path), {@code refused}
 * (the sign-in rules or user-provisioning said no), {@code rejected} (the provider's
 * answer could not be verified), {@code unavailable} (the provider or user-provisioning
 * did not answer in time). Read from the status the handlers answered, so the handlers
 * stay as they are.
 */
final class SignInOutcomeMetrics {

	static final String SIGNINS = "lanyard.signins";

	private final MeterRegistry registry;

	SignInOutcomeMetrics(MeterRegistry registry) {
		if (registry == null) {
			throw new IllegalArgumentException("registry cannot be null");
		}
		this.registry = registry;
		for (String outcome : new String[] { "accepted", "refused", "rejected", "unavailable" }) {
			counter(outcome);
		}
	}

	ServerAuthenticationSuccessHandler counted(ServerAuthenticationSuccessHandler handler) {
		return (exchange, authentication) -> handler.onAuthenticationSuccess(exchange, authentication)
			.then(Mono.fromRunnable(() -> count(exchange, "accepted")));
	}

	ServerAuthenticationFailureHandler counted(ServerAuthenticationFailureHandler handler) {
		return (exchange, exception) -> handler.onAuthenticationFailure(exchange, exception)
			.then(Mono.fromRunnable(() -> count(exchange, "rejected")));
	}

	private void count(WebFilterExchange exchange, String whenNoError) {
		HttpStatusCode status = exchange.getExchange().getResponse().getStatusCode();
		String outcome = whenNoError;
		if (status != null && status.value() == 503) {
			outcome = "unavailable";
		}
		else if (status != null && status.value() == 403) {
			outcome = "refused";
		}
		counter(outcome).increment();
	}

	private Counter counter(String outcome) {
		return Counter.builder(SIGNINS)
			.description("Sign-ins at the provider callback, by how they ended")
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
