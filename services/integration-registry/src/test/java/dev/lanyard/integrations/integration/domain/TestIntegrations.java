package dev.lanyard.integrations.integration.domain;

import java.util.List;
import java.util.Map;

/** Drafts for unit tests, built field by field. */
public final class TestIntegrations {

	private TestIntegrations() {
	}

	public static Draft draft(String template, String kind) {
		return new Draft(template, kind);
	}

	/** A mutable builder of {@link IntegrationDraft}. */
	public static final class Draft {

		private String name = "Warehouse";

		private final String template;

		private final String kind;

		private String authorizationEndpoint;

		private String tokenEndpoint;

		private Map<String, String> parameters;

		private String clientId = "client-1";

		private List<String> scopes;

		private String audience;

		private Long maxTokenLifetimeSeconds;

		private List<String> allowedGroupIds;

		private String delegation;

		private FederationDraft federation;

		Draft(String template, String kind) {
			this.template = template;
			this.kind = kind;
		}

		public Draft name(String value) {
			this.name = value;
			return this;
		}

		public Draft authorizationEndpoint(String value) {
			this.authorizationEndpoint = value;
			return this;
		}

		public Draft tokenEndpoint(String value) {
			this.tokenEndpoint = value;
			return this;
		}

		public Draft parameters(Map<String, String> value) {
			this.parameters = value;
			return this;
		}

		public Draft clientId(String value) {
			this.clientId = value;
			return this;
		}

		public Draft scopes(List<String> value) {
			this.scopes = value;
			return this;
		}

		public Draft audience(String value) {
			this.audience = value;
			return this;
		}

		public Draft maxTokenLifetimeSeconds(Long value) {
			this.maxTokenLifetimeSeconds = value;
			return this;
		}

		public Draft allowedGroupIds(List<String> value) {
			this.allowedGroupIds = value;
			return this;
		}

		public Draft delegation(String value) {
			this.delegation = value;
			return this;
		}

		public Draft federation(FederationDraft value) {
			this.federation = value;
			return this;
		}

		public IntegrationDraft build() {
			return new IntegrationDraft(this.name, "", this.template, this.kind, this.authorizationEndpoint,
					this.tokenEndpoint, this.parameters, this.clientId, this.scopes, this.audience,
					this.maxTokenLifetimeSeconds, this.allowedGroupIds, this.delegation, this.federation);
		}

	}

}
