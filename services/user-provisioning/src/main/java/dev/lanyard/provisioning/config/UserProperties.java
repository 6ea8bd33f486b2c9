package dev.lanyard.provisioning.config;

import dev.lanyard.provisioning.directory.domain.Role;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How users come to be.
 *
 * @param defaultRole role of a new user, and of a mapped user no mapping matches (key
 * {@code lanyard.provisioning.default-role}: viewer, publisher or administrator)
 * @param registerOnFirstLogin whether a sign-in of an unknown person creates the user
 * when the provider's UserLoggedIn does not say (key
 * {@code lanyard.provisioning.register-on-first-login})
 */
@ConfigurationProperties("lanyard.provisioning")
public record UserProperties(@DefaultValue("viewer") Role defaultRole,
		@DefaultValue("true") boolean registerOnFirstLogin) {

	public UserProperties {
		if (defaultRole == null || !defaultRole.defaultable()) {
			throw new IllegalArgumentException(
					"lanyard.provisioning.default-role must be viewer, publisher or administrator, was "
							+ ((defaultRole != null) ? defaultRole.value() : null));
		}
	}

}
