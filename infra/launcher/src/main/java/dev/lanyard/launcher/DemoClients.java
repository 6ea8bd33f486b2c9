package dev.lanyard.launcher;

import dev.lanyard.launcher.service.TokenBrokerAdmin;

/**
 * The two clients {@code up} ensures in token-broker, so a user can ask for a token and
 * query the audit trail right away.
 *
 * @param content {@code demo-content}, kind content
 * @param auditor {@code demo-auditor}, kind auditor
 */
public record DemoClients(ClientCredentials content, ClientCredentials auditor) {

	public static final String CONTENT = "demo-content";

	public static final String AUDITOR = "demo-auditor";

	/** Creates both clients, or rotates their secrets when they exist. */
	static DemoClients ensure(TokenBrokerAdmin admin) {
		return new DemoClients(admin.ensureClient(CONTENT, "Demo content", "content"),
				admin.ensureClient(AUDITOR, "Demo auditor", "auditor"));
	}

}
