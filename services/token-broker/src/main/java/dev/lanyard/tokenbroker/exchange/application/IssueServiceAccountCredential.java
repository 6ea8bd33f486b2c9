package dev.lanyard.tokenbroker.exchange.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.tokenbroker.exchange.application.CredentialExchange.Denial;
import dev.lanyard.tokenbroker.external.application.ExternalServiceRefusedException;
import dev.lanyard.tokenbroker.external.application.ExternalServiceUnavailableException;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.integrations.domain.IntegrationKind;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.DenialRecorder;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.Provenance;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.users.application.UserReadModel;
import dev.lanyard.tokenbroker.users.domain.UserSnapshot;

/**
 * Hands content an access token of a service-account integration: the content must be
 * associated with the integration and ask for no scope beyond the integration's; the
 * token comes from the cache or from the external token endpoint (client credentials);
 * each hand-out is recorded in the audit trail before it is returned. Backend mapping:
 * when the content acts for a user (presenting a user session token minted for it), the
 * user must also be known, active, not locked and in one of the integration's allowed
 * groups when it names any; the credential stays the service account's and its record
 * names the user ({@link Provenance#onBehalfOf}). Each refusal by these rules is recorded
 * as a {@link CredentialDenial}; the answer waits for that record (at most the ack
 * timeout) but is given even without it, since it hands nothing out.
 */
public final class IssueServiceAccountCredential {

	/** The grant type recorded for exchanged tokens. */
	public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";

	private static final Logger log = LoggerFactory.getLogger(IssueServiceAccountCredential.class);

	private final IntegrationReadModel integrations;

	private final UserReadModel users;

	private final ServiceAccountTokenCache tokens;

	private final IssuanceAuditTrail auditTrail;

	private final DenialRecorder denials;

	private final Clock clock;

	public IssueServiceAccountCredential(IntegrationReadModel integrations, UserReadModel users,
			ServiceAccountTokenCache tokens, IssuanceAuditTrail auditTrail, DenialRecorder denials, Clock clock) {
		if (integrations == null) {
			throw new IllegalArgumentException("integrations cannot be null");
		}
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		if (tokens == null) {
			throw new IllegalArgumentException("tokens cannot be null");
		}
		if (auditTrail == null) {
			throw new IllegalArgumentException("auditTrail cannot be null");
		}
		if (denials == null) {
			throw new IllegalArgumentException("denials cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.integrations = integrations;
		this.users = users;
		this.tokens = tokens;
		this.auditTrail = auditTrail;
		this.denials = denials;
		this.clock = clock;
	}

	/**
	 * Whether the integration is a service-account one this use case serves (so a user
	 * session token exchanged for it is backend mapping, not a viewer credential).
	 */
	public boolean serves(String integrationId) {
		return integrationId != null && this.integrations.find(integrationId)
			.filter((i) -> !i.deleted() && i.kind() == IntegrationKind.SERVICE_ACCOUNT)
			.isPresent();
	}

	public CredentialExchange issue(IssueServiceAccountCredentialCommand command) {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		Optional<Integration> found = this.integrations.find(command.integrationId()).filter((i) -> !i.deleted());
		if (found.isEmpty()) {
			return deny(command, Denial.UNKNOWN_INTEGRATION, "Unknown integration " + command.integrationId());
		}
		Integration integration = found.get();
		if (integration.kind() != IntegrationKind.SERVICE_ACCOUNT) {
			return deny(command, Denial.WRONG_KIND, "Integration " + integration.integrationId()
					+ " hands out viewer credentials; exchange a user session token for it");
		}
		if (!integration.isAssociatedWith(command.contentId())) {
			return deny(command, Denial.NOT_ASSOCIATED, "Content " + command.contentId()
					+ " is not associated with integration " + integration.integrationId());
		}
		if (!integration.allowsScopes(command.scopes())) {
			return deny(command, Denial.SCOPE_TOO_WIDE, "Integration " + integration.integrationId()
					+ " allows only the scopes " + String.join(" ", new TreeSet<>(integration.scopes())));
		}
		if (command.onBehalfOfUserId() != null) {
			Denial refused = refusalOfUser(command.onBehalfOfUserId(), integration);
			if (refused != null) {
				return deny(command, refused, "User " + command.onBehalfOfUserId()
						+ " may not be acted for via integration " + integration.integrationId());
			}
		}
		Set<String> scopes = command.scopes().isEmpty() ? integration.scopes() : command.scopes();
		ExternalToken token;
		try {
			token = this.tokens.get(integration, scopes);
		}
		catch (ExternalServiceUnavailableException ex) {
			log.warn("No service-account token for content {} via integration {}: {}", command.contentId(),
					integration.integrationId(), ex.getMessage());
			return new CredentialExchange.Unavailable("The external service of integration "
					+ integration.integrationId() + " is unavailable; retry later");
		}
		catch (ExternalServiceRefusedException ex) {
			log.warn("External service refused a token for integration {} (content {}): {}",
					integration.integrationId(), command.contentId(), ex.getMessage());
			return new CredentialExchange.ExternalRefusal(ex.error(), ex.getMessage());
		}
		return handOut(command, integration, token);
	}

	private Denial refusalOfUser(String userId, Integration integration) {
		UserSnapshot user = this.users.find(userId).orElse(null);
		if (user == null) {
			return Denial.UNKNOWN_USER;
		}
		return switch (user.standing()) {
			case LOCKED -> Denial.USER_LOCKED;
			case INACTIVE -> Denial.USER_DEACTIVATED;
			case GOOD -> integration.allowsGroups(user.groupIds()) ? null : Denial.GROUP_NOT_ALLOWED;
		};
	}

	private CredentialExchange handOut(IssueServiceAccountCredentialCommand command, Integration integration,
			ExternalToken token) {
		Instant now = this.clock.instant();
		if (!token.expiresAt().isAfter(now)) {
			return new CredentialExchange.Unavailable("The external token expired in transit; retry");
		}
		String tokenId = Ids.uuidString();
		List<String> scopes = List.copyOf(new TreeSet<>(token.scopes()));
		List<String> audience = List
			.of((integration.audience() != null) ? integration.audience() : integration.integrationId());
		TokenIssuance issuance = new TokenIssuance(Ids.uuid(), now, command.correlationId(), tokenId,
				TokenDigest.sha256Hex(token.value()), TokenIssuance.EXTERNAL_ACCESS, command.contentId(), "content",
				command.contentId(), scopes, audience, GRANT_TYPE, now, token.expiresAt(), command.actorId(),
				integration.integrationId())
			.withProvenance((command.onBehalfOfUserId() != null) ? Provenance.onBehalfOf(command.onBehalfOfUserId())
					: Provenance.NONE);
		try {
			this.auditTrail.record(issuance);
		}
		catch (AuditTrailUnavailableException ex) {
			log.warn("Refused external-access token {} for content {} via integration {}: {}", tokenId,
					command.contentId(), integration.integrationId(), ex.getMessage());
			return new CredentialExchange.Unavailable(
					"The audit trail is unavailable, so no token was issued; retry later");
		}
		log.debug("Issued external-access token {} for content {} via integration {} (acting for user {})", tokenId,
				command.contentId(), integration.integrationId(), command.onBehalfOfUserId());
		return new CredentialExchange.Issued(token.value(), now, token.expiresAt(), token.scopes());
	}

	private CredentialExchange deny(IssueServiceAccountCredentialCommand command, Denial reason, String description) {
		log.info("Denied service-account credential for content {} via integration {}: {}", command.contentId(),
				command.integrationId(), reason);
		CredentialDenial denial = new CredentialDenial(Ids.uuid(), this.clock.instant(), command.correlationId(),
				command.actorId(), command.contentId(), CredentialDenial.CONTENT, command.contentId(),
				command.integrationId(), List.copyOf(new TreeSet<>(command.scopes())), GRANT_TYPE, reason.error(),
				reason.code());
		try {
			this.denials.record(denial);
		}
		catch (AuditTrailUnavailableException ex) {
			log.warn("Denial {} of content {} via integration {} not recorded in time: {}", denial.eventId(),
					command.contentId(), command.integrationId(), ex.getMessage());
		}
		return new CredentialExchange.Denied(reason, description);
	}

}
