package dev.lanyard.provisioning.config;

import java.time.Clock;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.provisioning.directory.application.EventPublisher;
import dev.lanyard.provisioning.directory.adapter.jdbc.JdbcGroupStore;
import dev.lanyard.provisioning.directory.application.GroupStore;
import dev.lanyard.provisioning.directory.application.ManageGroups;
import dev.lanyard.provisioning.signin.adapter.jdbc.JdbcProcessedSignIns;
import dev.lanyard.provisioning.signin.application.ManagedFields;
import dev.lanyard.provisioning.signin.application.ProcessedSignIns;
import dev.lanyard.provisioning.signin.application.SignInSettings;
import dev.lanyard.provisioning.signin.application.SignInUser;
import dev.lanyard.provisioning.signin.application.Registration;
import dev.lanyard.provisioning.federation.application.AdmitFederatedUser;
import dev.lanyard.provisioning.shared.adapter.SpringTransactions;
import dev.lanyard.provisioning.shared.application.Transactions;
import dev.lanyard.provisioning.directory.adapter.jdbc.JdbcUserStore;
import dev.lanyard.provisioning.directory.application.ManageUsers;
import dev.lanyard.provisioning.directory.application.UserStore;
import dev.lanyard.provisioning.directory.domain.AccessGroups;
import dev.lanyard.provisioning.directory.domain.RoleMapping;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the use cases to their stores, the event publisher and the settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AdminApiProperties.class, UserProperties.class, RoleMappingProperties.class,
		GroupProperties.class, EventProperties.class, AccessGroupProperties.class })
class ProvisioningConfiguration {

	private static final Log logger = LogFactory.getLog(ProvisioningConfiguration.class);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	Transactions transactions(PlatformTransactionManager transactionManager) {
		return new SpringTransactions(new TransactionTemplate(transactionManager));
	}

	@Bean
	UserStore userStore(JdbcClient jdbc) {
		return new JdbcUserStore(jdbc);
	}

	@Bean
	GroupStore groupStore(JdbcClient jdbc) {
		return new JdbcGroupStore(jdbc);
	}

	@Bean
	ProcessedSignIns processedSignIns(JdbcClient jdbc) {
		return new JdbcProcessedSignIns(jdbc);
	}

	@Bean
	RoleMapping roleMapping(RoleMappingProperties roleMapping, UserProperties users, GroupProperties groups) {
		RoleMapping mapping = roleMapping.toRoleMapping(users.defaultRole());
		logger.info("Roles: default " + users.defaultRole().value() + ", mapped from "
				+ mapping.source().name().toLowerCase(java.util.Locale.ROOT)
				+ (mapping.restrictive() ? " (least privileged wins)" : "") + "; groups: "
				+ groups.provisioning().name().toLowerCase(java.util.Locale.ROOT) + " provisioning, matched by "
				+ groups.matchBy().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
				+ "; register on first login: " + users.registerOnFirstLogin());
		return mapping;
	}

	@Bean
	AccessGroups accessGroups(AccessGroupProperties properties, GroupProperties groups) {
		AccessGroups accessGroups = properties.toAccessGroups(groups.matchBy());
		if (accessGroups.enforced()) {
			logger.info("Access groups: a user in none of " + accessGroups.keys().size()
					+ " configured group(s) is deactivated (no-access-group)");
		}
		return accessGroups;
	}

	@Bean
	SignInSettings signInSettings(RoleMapping roleMapping, UserProperties userProperties,
			GroupProperties groupProperties, AccessGroups accessGroups) {
		return new SignInSettings(userProperties.registerOnFirstLogin(), roleMapping, groupProperties.toGroupSync(),
				accessGroups);
	}

	/** Just-in-time users of identity federation, registered by the sign-in's rules. */
	@Bean
	AdmitFederatedUser admitFederatedUser(Transactions transactions, UserStore users, GroupStore groups,
			EventPublisher events, SignInSettings settings, Clock clock) {
		return new AdmitFederatedUser(transactions, users, new Registration(users, groups, settings, Ids::uuid), events,
				clock, Ids::uuid);
	}

	@Bean
	SignInUser signInUser(Transactions transactions, ProcessedSignIns processed, UserStore users, GroupStore groups,
			EventPublisher events, SignInSettings settings, Clock clock, ManagedFields scimManagedFields) {
		return new SignInUser(transactions, processed, users, groups, events, settings, clock, Ids::uuid,
				scimManagedFields);
	}

	@Bean
	ManageUsers manageUsers(Transactions transactions, UserStore users, GroupStore groups, EventPublisher events,
			RoleMapping roleMapping, Clock clock) {
		return new ManageUsers(transactions, users, groups, events, roleMapping, clock, Ids::uuid);
	}

	@Bean
	ManageGroups manageGroups(Transactions transactions, GroupStore groups, UserStore users, EventPublisher events,
			RoleMapping roleMapping, AccessGroups accessGroups, GroupProperties groupProperties, Clock clock) {
		return new ManageGroups(transactions, groups, users, events, roleMapping, accessGroups,
				groupProperties.matchBy(), clock, Ids::uuid);
	}

}
