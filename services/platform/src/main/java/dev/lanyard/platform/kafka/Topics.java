package dev.lanyard.platform.kafka;

import java.util.List;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.IntegrationChanged;
import dev.lanyard.events.ScimClientChanged;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.events.TokenRevoked;
import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserDeactivated;
import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.events.UserLoginRefused;
import dev.lanyard.events.UserSignedOut;

/** Every topic of the ensemble, declared once. */
public final class Topics {

	public static final Topic<TokenIssued> TOKEN_ISSUED = new Topic<>("lanyard.credentials.token-issued.v1",
			TokenIssued.class, false);

	public static final Topic<TokenRevoked> TOKEN_REVOKED = new Topic<>("lanyard.credentials.token-revoked.v1",
			TokenRevoked.class, false);

	public static final Topic<CredentialDenied> CREDENTIAL_DENIED = new Topic<>(
			"lanyard.credentials.credential-denied.v1", CredentialDenied.class, false);

	public static final Topic<UserLoggedIn> USER_LOGGED_IN = new Topic<>("lanyard.identity.user-logged-in.v1",
			UserLoggedIn.class, false);

	public static final Topic<UserLoginRefused> USER_LOGIN_REFUSED = new Topic<>(
			"lanyard.identity.user-login-refused.v1", UserLoginRefused.class, false);

	public static final Topic<UserChanged> USER_CHANGED = new Topic<>("lanyard.identity.user-changed.v1",
			UserChanged.class, true);

	public static final Topic<GroupMembershipChanged> GROUP_MEMBERSHIP_CHANGED = new Topic<>(
			"lanyard.identity.group-membership-changed.v1", GroupMembershipChanged.class, false);

	public static final Topic<UserDeactivated> USER_DEACTIVATED = new Topic<>("lanyard.identity.user-deactivated.v1",
			UserDeactivated.class, false);

	public static final Topic<UserSignedOut> USER_SIGNED_OUT = new Topic<>("lanyard.identity.user-signed-out.v1",
			UserSignedOut.class, false);

	public static final Topic<IntegrationChanged> INTEGRATION_CHANGED = new Topic<>(
			"lanyard.integrations.integration-changed.v1", IntegrationChanged.class, true);

	/** SCIM clients created, rotated and revoked, keyed by client id. */
	public static final Topic<ScimClientChanged> SCIM_CLIENT_CHANGED = new Topic<>(
			"lanyard.provisioning.scim-client-changed.v1", ScimClientChanged.class, true);

	/**
	 * Where a consumer puts a record it cannot read, raw bytes and the reason in headers.
	 * Not an Avro topic: its records are whatever failed.
	 */
	public static final String DEAD_LETTER = "lanyard.platform.dead-letter.v1";

	public static final List<Topic<?>> ALL = List.of(TOKEN_ISSUED, TOKEN_REVOKED, CREDENTIAL_DENIED, USER_LOGGED_IN,
			USER_LOGIN_REFUSED, USER_CHANGED, GROUP_MEMBERSHIP_CHANGED, USER_DEACTIVATED, USER_SIGNED_OUT,
			INTEGRATION_CHANGED, SCIM_CLIENT_CHANGED);

	private Topics() {
	}

}
