package dev.lanyard.provisioning.config;

import java.time.Clock;
import java.util.UUID;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.provisioning.directory.application.EventPublisher;
import dev.lanyard.provisioning.directory.application.GroupStore;
import dev.lanyard.provisioning.directory.application.ManageUsers;
import dev.lanyard.provisioning.directory.application.UserStore;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import dev.lanyard.provisioning.directory.application.ManageGroups;
import dev.lanyard.provisioning.scim.adapter.jdbc.JdbcScimGroupStore;
import dev.lanyard.provisioning.scim.adapter.jdbc.JdbcScimUserStore;
import dev.lanyard.provisioning.scim.application.ProvisionGroups;
import dev.lanyard.provisioning.scim.application.ScimGroupStore;
import dev.lanyard.provisioning.scim.application.ProvisionUsers;
import dev.lanyard.provisioning.scim.application.ScimSettings;
import dev.lanyard.provisioning.scim.application.ScimUserStore;
import dev.lanyard.provisioning.signin.application.ManagedFields;
import dev.lanyard.provisioning.scim.application.UserLifecycle;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.Transactions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the SCIM use cases. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScimProperties.class)
class ScimConfiguration {

	private static final Log logger = LogFactory.getLog(ScimConfiguration.class);

	@Bean
	ScimSettings scimSettings(ScimProperties properties) {
		ScimSettings settings = properties.toSettings();
		logger.info((settings.signInIssuer() != null)
				? "SCIM users bind to sign-ins from " + settings.signInIssuer() + " by "
						+ properties.uniqueIdAttribute().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
				: "SCIM users bind to no sign-in (lanyard.provisioning.scim.sign-in-issuer is not set)");
		return settings;
	}

	@Bean
	ScimUserStore scimUserStore(JdbcClient jdbc) {
		return new JdbcScimUserStore(jdbc);
	}

	@Bean
	UserLifecycle userLifecycle(ManageUsers users) {
		return new UserLifecycle() {
			@Override
			public void deactivate(UUID userId, String reason, Actor actor) {
				users.deactivate(userId, reason, actor);
			}

			@Override
			public void reactivate(UUID userId, Actor actor) {
				users.reactivate(userId, actor);
			}

			@Override
			public void delete(UUID userId, Actor actor) {
				users.delete(userId, actor);
			}
		};
	}

	@Bean
	ManagedFields scimManagedFields(ProvisionUsers provisionUsers) {
		return provisionUsers::managedFields;
	}

	@Bean
	ScimGroupStore scimGroupStore(JdbcClient jdbc) {
		return new JdbcScimGroupStore(jdbc);
	}

	@Bean
	ProvisionGroups provisionGroups(Transactions transactions, ScimGroupStore groups, ManageGroups memberships,
			ScimSettings settings, Clock clock) {
		return new ProvisionGroups(transactions, groups, memberships, settings, clock, Ids::uuid);
	}

	@Bean
	ProvisionUsers provisionUsers(Transactions transactions, UserStore users, ScimUserStore scimUsers,
			GroupStore groups, EventPublisher events, UserLifecycle lifecycle, RoleMapping roleMapping,
			ScimSettings settings, Clock clock) {
		return new ProvisionUsers(transactions, users, scimUsers, groups, events, lifecycle, roleMapping, settings,
				clock, Ids::uuid);
	}

}
