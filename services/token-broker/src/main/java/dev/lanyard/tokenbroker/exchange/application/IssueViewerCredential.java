package dev.lanyard.tokenbroker.exchange.application;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.platform.ids.Ids;
import dev.lanyard.tokenbroker.connections.application.ConnectionLinks;
import dev.lanyard.tokenbroker.connections.application.ViewerToken;
import dev.lanyard.tokenbroker.connections.application.ViewerTokens;
import dev.lanyard.tokenbroker.connections.domain.ViewerAccess;
import dev.lanyard.tokenbroker.custody.application.DelegatedViewerTokens;
import dev.lanyard.tokenbroker.exchange.application.CredentialExchange.Denial;
import dev.lanyard.tokenbroker.exchange.application.CredentialExchange;
import dev.lanyard.tokenbroker.exchange.application.IssueServiceAccountCredential;
import dev.lanyard.tokenbroker.external.domain.ExternalToken;
import dev.lanyard.tokenbroker.integrations.application.IntegrationReadModel;
import dev.lanyard.tokenbroker.integrations.domain.Integration;
import dev.lanyard.tokenbroker.issuance.application.AuditTrailUnavailableException;
import dev.lanyard.tokenbroker.issuance.application.DenialRecorder;
import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.issuance.domain.CredentialDenial;
import dev.lanyard.tokenbroker.issuance.domain.TokenDigest;
import dev.lanyard.tokenbroker.issuance.domain.TokenIssuance;
import dev.lanyard.tokenbroker.users.application.UserReadModel;

/**
 * Hands out a user's external access token of a viewer integration: the user must be
 * active, not locked and in one of its allowed groups (when it names any); a content
 * client that authenticated must be associated with it; the scopes must be the
 * integration's and granted by the connection. The token comes from {@link ViewerTokens}
 * (refreshed as needed); each hand-out is recorded in the audit trail before it is
 * returned. Each refusal by these rules (not connected included) is recorded as a
 * {@link CredentialDenial}; the answer waits for that record (at most the ack timeout)
 * but is given even without it, since it hands nothing out.
 *
 * <p>
 * A delegated integration needs no connection: after the same checks its token comes from
 * {@link DelegatedViewerTokens}, obtained at the provider with the upstream token of the
 * browser session the user session token names; none held is
 * {@link Denial#UPSTREAM_TOKEN_MISSING} ("sign in again").
 */
public final class IssueViewerCredential {

	private static final Logger log = LoggerFactory.getLogger(IssueViewerCredential.class);

	private final IntegrationReadModel integrations;

	private final UserReadModel users;

	private final ViewerTokens tokens;

	private final ConnectionLinks links;

	private final IssuanceAuditTrail auditTrail;

	private final DenialRecorder denials;

	private final Clock clock;

	private final DelegatedViewerTokens delegatedTokens;

	/**
	 * Without delegation: a delegated integration is refused as if no upstream token were
	 * held.
	 */
	public IssueViewerCredential(IntegrationReadModel integrations, UserReadModel users, ViewerTokens tokens,
			ConnectionLinks links, IssuanceAuditTrail auditTrail, DenialRecorder denials, Clock clock) {
		this(integrations, users, tokens, links, auditTrail, denials, clock, null);
	}

	/**
	 * @param delegatedTokens tokens of delegated integrations, from the session's
	 * upstream token, or {@code null} for none
	 */
	public IssueViewerCredential(IntegrationReadModel integrations, UserReadModel users, ViewerTokens tokens,
			ConnectionLinks links, IssuanceAuditTrail auditTrail, DenialRecorder denials, Clock clock,
			DelegatedViewerTokens delegatedTokens) {
		if (integrations == null) {
			throw new IllegalArgumentException("integrations cannot be null");
		}
		if (users == null) {
			throw new IllegalArgumentException("users cannot be null");
		}
		if (tokens == null) {
			throw new IllegalArgumentException("tokens cannot be null");
		}
		if (links == null) {
			throw new IllegalArgumentException("links cannot be null");
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
		this.links = links;
		this.auditTrail = auditTrail;
		this.denials = denials;
		this.clock = clock;
		this.delegatedTokens = delegatedTokens;
	}

	public CredentialExchange issue(IssueViewerCredentialCommand command) {
		if (command == null) {
			throw new IllegalArgumentException("command cannot be null");
		}
		String userId = command.userId();
		String integrationId = command.integrationId();
		Integration integration = this.integrations.find(integrationId).orElse(null);
		ViewerAccess access = ViewerAccess.decide(integration, this.users.find(userId).orElse(null));
		if (access != ViewerAccess.ALLOWED) {
			return deny(command, denialOf(access), access.describe(userId, integrationId), null);
		}
		if (command.contentId() != null && !integration.isAssociatedWith(command.contentId())) {
			return deny(command, Denial.NOT_ASSOCIATED,
					"Content " + command.contentId() + " is not associated with integration " + integrationId, null);
		}
		if (!integration.allowsScopes(command.scopes())) {
			return deny(command, Denial.SCOPE_TOO_WIDE, "Integration " + integrationId + " allows only the scopes "
					+ String.join(" ", new TreeSet<>(integration.scopes())), null);
		}
		if (integration.isDelegated()) {
			return delegated(command, integration);
		}
		URI connect = this.links.connect(integrationId);
		return switch (this.tokens.current(userId, integration)) {
			case ViewerToken.Current current when !current.token().scopes().containsAll(command.scopes()) -> deny(
					command, Denial.SCOPE_NOT_GRANTED, "The connection of user " + userId + " to integration "
							+ integrationId + " does not grant every requested scope; connect again at " + connect,
					null);
			case ViewerToken.Current current -> handOut(command, integration, current.token());
			case ViewerToken.NotConnected _, ViewerToken.NoUpstreamToken _ -> deny(command, Denial.NOT_CONNECTED,
					"User " + userId + " has not connected integration " + integrationId + "; connect at " + connect,
					connect);
			case ViewerToken.Unavailable unavailable -> new CredentialExchange.Unavailable(unavailable.description());
			case ViewerToken.Refused refused ->
				new CredentialExchange.ExternalRefusal(refused.error(), refused.description());
		};
	}

	/**
	 * No connect step: the provider is asked on the user's behalf with the upstream token
	 * of the browser session the user session token names.
	 */
	private CredentialExchange delegated(IssueViewerCredentialCommand command, Integration integration) {
		String userId = command.userId();
		ViewerToken token = (this.delegatedTokens != null)
				? this.delegatedTokens.current(command.sessionId(), userId, integration, command.scopes())
				: new ViewerToken.NoUpstreamToken();
		return switch (token) {
			case ViewerToken.Current current when !current.token().scopes().containsAll(command.scopes()) ->
				deny(command, Denial.SCOPE_NOT_GRANTED, "The provider of integration " + integration.integrationId()
						+ " did not grant every requested scope for user " + userId, null);
			case ViewerToken.Current current -> handOut(command, integration, current.token());
			case ViewerToken.NoUpstreamToken _, ViewerToken.NotConnected _ ->
				deny(command, Denial.UPSTREAM_TOKEN_MISSING,
						"No sign-in token of user " + userId + " is held for this browser session, which integration "
								+ integration.integrationId() + " needs to act on the user's behalf; sign in again",
						null);
			case ViewerToken.Refused refused when "invalid_grant".equals(refused.error()) -> deny(command,
					Denial.UPSTREAM_TOKEN_REFUSED, "The provider of integration " + integration.integrationId()
							+ " did not accept the sign-in token of user " + userId + "; sign in again",
					null);
			case ViewerToken.Unavailable unavailable -> new CredentialExchange.Unavailable(unavailable.description());
			case ViewerToken.Refused refused ->
				new CredentialExchange.ExternalRefusal(refused.error(), refused.description());
		};
	}

	private CredentialExchange handOut(IssueViewerCredentialCommand command, Integration integration,
			ExternalToken token) {
		Instant now = this.clock.instant();
		if (!token.expiresAt().isAfter(now)) {
			return new CredentialExchange.Unavailable("The external token expired in transit; retry");
		}
		String tokenId = Ids.uuidString();
		List<String> audience = List
			.of((integration.audience() != null) ? integration.audience() : integration.integrationId());
		TokenIssuance issuance = new TokenIssuance(Ids.uuid(), now, command.correlationId(), tokenId,
				TokenDigest.sha256Hex(token.value()), TokenIssuance.EXTERNAL_ACCESS, command.userId(), "user",
				command.contentId(), List.copyOf(new TreeSet<>(token.scopes())), audience,
				IssueServiceAccountCredential.GRANT_TYPE, now, token.expiresAt(), command.contentId(),
				integration.integrationId());
		try {
			this.auditTrail.record(issuance);
		}
		catch (AuditTrailUnavailableException ex) {
			log.warn("Refused external-access token {} for user {} via integration {}: {}", tokenId, command.userId(),
					integration.integrationId(), ex.getMessage());
			return new CredentialExchange.Unavailable(
					"The audit trail is unavailable, so no token was issued; retry later");
		}
		log.debug("Issued external-access token {} for user {} via integration {}", tokenId, command.userId(),
				integration.integrationId());
		return new CredentialExchange.Issued(token.value(), now, token.expiresAt(), token.scopes());
	}

	private static Denial denialOf(ViewerAccess access) {
		return switch (access) {
			case UNKNOWN_INTEGRATION -> Denial.UNKNOWN_INTEGRATION;
			case NOT_VIEWER -> Denial.WRONG_KIND;
			case GROUP_NOT_ALLOWED -> Denial.GROUP_NOT_ALLOWED;
			case UNKNOWN_USER -> Denial.UNKNOWN_USER;
			case USER_LOCKED -> Denial.USER_LOCKED;
			case USER_INACTIVE -> Denial.USER_DEACTIVATED;
			case ALLOWED -> throw new IllegalArgumentException("access was allowed");
		};
	}

	private CredentialExchange deny(IssueViewerCredentialCommand command, Denial reason, String description, URI uri) {
		log.info("Denied viewer credential for user {} via integration {}: {}", command.userId(),
				command.integrationId(), reason);
		CredentialDenial denial = new CredentialDenial(Ids.uuid(), this.clock.instant(), command.correlationId(),
				command.contentId(), command.userId(), CredentialDenial.USER, command.contentId(),
				command.integrationId(), List.copyOf(new TreeSet<>(command.scopes())),
				IssueServiceAccountCredential.GRANT_TYPE, reason.error(), reason.code());
		try {
			this.denials.record(denial);
		}
		catch (AuditTrailUnavailableException ex) {
			log.warn("Denial {} of user {} via integration {} not recorded in time: {}", denial.eventId(),
					command.userId(), command.integrationId(), ex.getMessage());
		}
		return new CredentialExchange.Denied(reason, description, uri);
	}

}
