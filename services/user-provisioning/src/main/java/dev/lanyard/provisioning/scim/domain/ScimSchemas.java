package dev.lanyard.provisioning.scim.domain;

import java.util.Locale;
import java.util.Set;

/** The schema URNs this service serves. */
public final class ScimSchemas {

	public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

	public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

	public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

	private static final Set<String> KNOWN = Set.of(USER.toLowerCase(Locale.ROOT),
			ENTERPRISE_USER.toLowerCase(Locale.ROOT), GROUP.toLowerCase(Locale.ROOT));

	private ScimSchemas() {
	}

	/** Whether {@code urn} is one of the schemas above, ignoring case. */
	public static boolean isKnown(String urn) {
		return urn != null && KNOWN.contains(urn.toLowerCase(Locale.ROOT));
	}

	public static boolean isEnterprise(String urn) {
		return ENTERPRISE_USER.equalsIgnoreCase(urn);
	}

}
