package dev.lanyard.provisioning.config;

import java.time.Clock;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.provisioning.directory.application.EventPublisher;
import dev.lanyard.provisioning.scim.auth.adapter.jdbc.JdbcScimClientStore;
import dev.lanyard.provisioning.scim.auth.application.AuthenticateScimClient;
import dev.lanyard.provisioning.scim.auth.application.ManageScimClients;
import dev.lanyard.provisioning.scim.auth.application.ScimClientStore;
import dev.lanyard.provisioning.shared.application.Transactions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the SCIM clients' use cases (their admin API and the {@code /scim/v2} chain). */
@Configuration(proxyBeanMethods = false)
class ScimClientsConfiguration {

	@Bean
	ScimClientStore scimClientStore(JdbcClient jdbc) {
		return new JdbcScimClientStore(jdbc);
	}

	@Bean
	ManageScimClients manageScimClients(Transactions transactions, ScimClientStore clients, EventPublisher events,
			Clock clock) {
		return new ManageScimClients(transactions, clients, events, clock, Ids::uuid);
	}

	@Bean
	AuthenticateScimClient authenticateScimClient(ScimClientStore clients, Clock clock) {
		return new AuthenticateScimClient(clients, clock);
	}

}
