package dev.lanyard.audit.trail.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an event's {@link EventDetails} from its stored payload. Pure: the payload is a
 * map of plain values however it was read.
 */
public final class EventDetailsReader {

	// The IntegrationChanged fields compared between versions, in the schema's order.
	private static final List<String> INTEGRATION_FIELDS = List.of("name", "template", "kind", "authorizationEndpoint",
			"tokenEndpoint", "clientId", "secretVersion", "scopes", "audience", "maxTokenLifetimeSeconds",
			"allowedGroupIds", "contentIds", "deleted");

	private EventDetailsReader() {
	}

	/**
	 * @param eventType the event's record name
	 * @param payload the event's payload
	 * @param previous for an IntegrationChanged, the payload of the previous
	 * IntegrationChanged of the same integration, or {@code null}; ignored otherwise
	 * @return its details
	 */
	public static EventDetails read(String eventType, Map<String, Object> payload, Map<String, Object> previous) {
		Guards.notBlank(eventType, "eventType");
		Payload p = new Payload(payload);
		return switch (eventType) {
			case "GroupMembershipChanged" -> new EventDetails.GroupMembership(p.text("userId"), p.text("groupId"),
					p.text("groupName"), p.text("change"));
			case "IntegrationChanged" -> integration(p, (previous != null) ? new Payload(previous) : null);
			case "UserLoggedIn" -> new EventDetails.SignIn(p.text("provider"), p.text("issuer"), p.text("uniqueId"),
					p.text("username"), Outcome.SUCCESS);
			case "UserLoginRefused" -> new EventDetails.SignInRefused(p.text("provider"), p.text("issuer"),
					p.text("uniqueId"), p.text("userId"), p.text("reason"), Outcome.FAILURE);
			case "UserSignedOut" -> new EventDetails.SignOut(p.text("userId"), p.text("sessionId"));
			case "UserChanged" -> new EventDetails.User(p.text("username"), p.text("role"), p.bool("locked"),
					p.bool("active"), p.texts("groupIds"), p.number("version"));
			case "UserDeactivated" -> new EventDetails.Deactivation(p.text("userId"), p.text("reason"));
			case "TokenIssued" -> new EventDetails.Issuance(p.text("tokenType"), p.text("grantType"), p.texts("scopes"),
					p.texts("audience"), p.text("issuedAt"), p.text("expiresAt"), p.text("federatedIssuer"),
					p.text("federatedSubject"), p.text("onBehalfOfUserId"),
					// events from before issue 15 have no chain: no one acted
					(p.texts("actorChain") != null) ? p.texts("actorChain") : List.of());
			case "TokenRevoked" -> new EventDetails.Revocation(p.text("reason"), revocationScope(p));
			case "CredentialDenied" -> new EventDetails.Denial(p.text("reason"), p.text("error"), p.text("grantType"),
					p.texts("requestedScopes"), p.number("repeatCount"), p.text("federatedIssuer"),
					p.text("federatedSubject"));
			case "ScimClientChanged" ->
				new EventDetails.ScimClient(p.text("clientId"), p.text("name"), p.text("action"));
			case "RetentionApplied" ->
				new EventDetails.Retention(p.text("day"), p.text("retention"), p.number("removed"), leafRanges(p));
			default -> new EventDetails.Unknown();
		};
	}

	// [[first, last], …] as the retention record wrote it; anything else reads as none
	private static List<List<Long>> leafRanges(Payload p) {
		if (!(p.plain("leafRanges") instanceof List<?> ranges)) {
			return List.of();
		}
		List<List<Long>> read = new ArrayList<>(ranges.size());
		for (Object range : ranges) {
			if (range instanceof List<?> ends && ends.size() == 2 && ends.get(0) instanceof Number first
					&& ends.get(1) instanceof Number last) {
				read.add(List.of(first.longValue(), last.longValue()));
			}
		}
		return read;
	}

	private static String revocationScope(Payload p) {
		if (p.text("tokenId") != null || p.text("tokenSha256") != null) {
			return "token";
		}
		return (p.text("integrationId") != null) ? "integration" : "all";
	}

	private static EventDetails.Integration integration(Payload p, Payload previous) {
		List<EventDetails.FieldChange> changes = new ArrayList<>();
		if (previous != null) {
			for (String field : INTEGRATION_FIELDS) {
				Object before = previous.plain(field);
				Object after = p.plain(field);
				if (!Objects.equals(before, after)) {
					changes.add(new EventDetails.FieldChange(field, before, after));
				}
			}
		}
		return new EventDetails.Integration(p.text("name"), p.text("template"), p.text("kind"),
				p.text("authorizationEndpoint"), p.text("tokenEndpoint"), p.text("clientId"), p.texts("scopes"),
				p.text("audience"), p.number("maxTokenLifetimeSeconds"), p.texts("allowedGroupIds"),
				p.texts("contentIds"), p.number("secretVersion"), p.bool("deleted"), previous == null,
				List.copyOf(changes));
	}

}
