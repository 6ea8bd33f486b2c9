package dev.lanyard.audit.trail.adapter.web;

import java.util.stream.Collectors;

import dev.lanyard.audit.AuditProperties;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.platform.security.ResourceServerSecurity;
import dev.lanyard.platform.security.ServiceTokens;
import dev.lanyard.platform.security.TokenAccess;
import dev.lanyard.platform.security.TokenAuthorities;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The query API's collaborators, and who may call it. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	EventQueryParser eventQueryParser() {
		// Event types are the record names of the topics the trail reads.
		return new EventQueryParser(Topics.ALL.stream().map(Topic::schemaName).collect(Collectors.toSet()));
	}

	/**
	 * Only a bearer JWT from token-broker whose {@code iss} is
	 * {@code lanyard.audit.issuer}, whose signature checks against
	 * {@code lanyard.audit.jwk-set-uri} and whose {@code roles} claim holds
	 * {@code auditor} may read the trail, and only as a client's own token
	 * ({@code lanyard_token_type} {@code content-session}) or as the audit token the
	 * gateway relays for a signed-in auditor on the auditors' page ({@code user-audit},
	 * {@code aud} audit only): a user session token is handed to content, which must not
	 * read the trail as the viewing auditor. The rest of the chain (refusals as problem
	 * details, health open, everything else denied) is {@link ResourceServerSecurity}.
	 */
	@Bean
	SecurityFilterChain auditSecurity(HttpSecurity http, AuditProperties properties, JsonMapper jsonMapper) {
		return ResourceServerSecurity
			.forAudience(properties.jwkSetUri(), properties.issuer(), ServiceTokens.AUDIT, jsonMapper)
			.build(http, "/api/audit/**",
					TokenAccess
						.of("Reading the audit trail", TokenAuthorities.CONTENT_SESSION, TokenAuthorities.USER_AUDIT)
						.withRole("auditor"));
	}

}
