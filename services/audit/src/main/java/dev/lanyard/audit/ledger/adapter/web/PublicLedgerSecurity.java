package dev.lanyard.audit.ledger.adapter.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The log's public key and latest checkpoint are open to anyone: a verifier must be able
 * to compare them with what a bundle carries without being an auditor. Everything else
 * under {@code /api/audit/**} stays behind the auditor role.
 */
@Configuration(proxyBeanMethods = false)
class PublicLedgerSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain publicLedger(HttpSecurity http) {
		return http.securityMatcher("/api/audit/ledger/public-key", "/api/audit/checkpoints/latest")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
