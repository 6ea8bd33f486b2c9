package dev.lanyard.audit.trail.domain;

/**
 * Where an event lands in OCSF (Open Cybersecurity Schema Framework, 1.x), which security
 * data lakes ingest: its class and activity. OCSF has no class for handing out an OAuth
 * credential; the closest is Authentication (3002) with the activity "Service Ticket
 * Request" (4): a credential for a named service requested by an authenticated subject.
 *
 * @param classUid OCSF {@code class_uid}
 * @param className OCSF {@code class_name}
 * @param activityId OCSF {@code activity_id}
 * @param activityName OCSF {@code activity_name}
 */
public record OcsfClass(int classUid, String className, int activityId, String activityName) {

	private static final int AUTHENTICATION = 3002;

	private static final int ACCOUNT_CHANGE = 3001;

	private static final int GROUP_MANAGEMENT = 3006;

	private static final int ENTITY_MANAGEMENT = 3004;

	public static OcsfClass of(String eventType) {
		return switch (eventType) {
			case "UserLoggedIn", "UserLoginRefused" -> authentication(1, "Logon");
			case "UserSignedOut" -> authentication(2, "Logoff");
			case "TokenIssued", "CredentialDenied" -> authentication(4, "Service Ticket Request");
			case "TokenRevoked" -> authentication(99, "Other");
			case "UserChanged" -> new OcsfClass(ACCOUNT_CHANGE, "Account Change", 99, "Other");
			case "UserDeactivated" -> new OcsfClass(ACCOUNT_CHANGE, "Account Change", 5, "Disable");
			// Membership has its own class with Add User / Remove User; the activity is
			// refined from the change by ocsfFor.
			case "GroupMembershipChanged" -> new OcsfClass(GROUP_MANAGEMENT, "Group Management", 99, "Other");
			case "IntegrationChanged", "ScimClientChanged" ->
				new OcsfClass(ENTITY_MANAGEMENT, "Entity Management", 3, "Update");
			default -> new OcsfClass(0, "Base Event", 99, "Other");
		};
	}

	/**
	 * The class of a stored event, refined by its details where OCSF distinguishes more
	 * (group member added or removed, integration or SCIM client created or deleted).
	 * @param event the event
	 * @param details its details
	 * @return its class
	 */
	public static OcsfClass of(AuditEvent event, EventDetails details) {
		Guards.notNull(event, "event");
		OcsfClass base = of(event.eventType());
		return switch (details) {
			case EventDetails.GroupMembership m when "added".equals(m.change()) ->
				new OcsfClass(GROUP_MANAGEMENT, "Group Management", 3, "Add User");
			case EventDetails.GroupMembership m when "removed".equals(m.change()) ->
				new OcsfClass(GROUP_MANAGEMENT, "Group Management", 4, "Remove User");
			case EventDetails.Integration i when Boolean.TRUE.equals(i.deleted()) ->
				new OcsfClass(ENTITY_MANAGEMENT, "Entity Management", 4, "Delete");
			case EventDetails.Integration i when i.created() ->
				new OcsfClass(ENTITY_MANAGEMENT, "Entity Management", 1, "Create");
			// a rotation replaces the client's secret: an update of the entity
			case EventDetails.ScimClient c when "created".equals(c.action()) ->
				new OcsfClass(ENTITY_MANAGEMENT, "Entity Management", 1, "Create");
			case EventDetails.ScimClient c when "revoked".equals(c.action()) ->
				new OcsfClass(ENTITY_MANAGEMENT, "Entity Management", 4, "Delete");
			case null, default -> base;
		};
	}

	private static OcsfClass authentication(int activityId, String activityName) {
		return new OcsfClass(AUTHENTICATION, "Authentication", activityId, activityName);
	}

}
