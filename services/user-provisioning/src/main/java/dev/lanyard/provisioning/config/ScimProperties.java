package dev.lanyard.provisioning.config;

import dev.lanyard.provisioning.scim.application.ScimSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How SCIM users meet sign-ins.
 *
 * @param signInIssuer the issuer of the identity provider whose sign-ins SCIM users bind
 * to (key {@code lanyard.provisioning.scim.sign-in-issuer}); unset: SCIM users bind to no
 * sign-in until one is set
 * @param uniqueIdAttribute which SCIM attribute equals that provider's unique id claim:
 * {@code external-id} (default; Entra's objectId, Okta's user id) or {@code user-name}
 * @param maxResults the largest page of a listing, 1 – 1000 (ServiceProviderConfig's
 * {@code filter.maxResults})
 */
@ConfigurationProperties("lanyard.provisioning.scim")
public record ScimProperties(String signInIssuer,
		@DefaultValue("external-id") ScimSettings.UniqueIdAttribute uniqueIdAttribute,
		@DefaultValue("200") int maxResults) {

	public ScimProperties {
		if (signInIssuer != null && signInIssuer.isBlank()) {
			signInIssuer = null;
		}
		if (uniqueIdAttribute == null) {
			throw new IllegalArgumentException(
					"lanyard.provisioning.scim.unique-id-attribute must be external-id or user-name");
		}
		if (maxResults < 1 || maxResults > 1000) {
			throw new IllegalArgumentException(
					"lanyard.provisioning.scim.max-results must be between 1 and 1000, was " + maxResults);
		}
	}

	public ScimSettings toSettings() {
		return new ScimSettings(this.signInIssuer, this.uniqueIdAttribute, this.maxResults);
	}

}
