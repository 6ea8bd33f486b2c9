package dev.lanyard.provisioning.scim.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.lanyard.provisioning.scim.ScimException;

/**
 * Sets one attribute of a {@link ScimUser} from parsed JSON, for a POST/PUT body and for
 * PATCH alike. Attributes of the core schema this service does not keep (phone numbers,
 * addresses, title, …) and unknown extension schemas are ignored, as providers send them
 * by default; an attribute the core schema does not define is refused.
 */
public final class UserAttributes {

	/** Longest string value kept. */
	public static final int MAX_VALUE = 1024;

	private static final Set<String> IGNORED_CORE = Set.of("nickname", "profileurl", "title", "usertype",
			"preferredlanguage", "locale", "timezone", "password", "phonenumbers", "ims", "photos", "addresses",
			"entitlements", "roles", "x509certificates");

	private static final Set<String> IGNORED_NAME = Set.of("formatted", "middlename", "honorificprefix",
			"honorificsuffix");

	private static final Set<String> IGNORED_ENTERPRISE = Set.of("costcenter", "organization", "division", "manager");

	private static final Set<String> READ_ONLY = Set.of("id", "meta", "groups");

	private UserAttributes() {
	}

	/**
	 * The user read from a POST or PUT body; read-only attributes are ignored (RFC 7644
	 * §3.5.1), the caller checks {@code id}.
	 */
	public static ScimUser fromResource(Map<String, Object> resource) {
		ScimUser user = ScimUser.EMPTY;
		for (Map.Entry<String, Object> entry : resource.entrySet()) {
			String key = entry.getKey();
			if (key.equalsIgnoreCase("schemas") || READ_ONLY.contains(key.toLowerCase(Locale.ROOT))) {
				continue;
			}
			if (ScimSchemas.isEnterprise(key) && entry.getValue() instanceof Map<?, ?> extension) {
				for (Map.Entry<String, Object> attribute : PatchRequest.cast(extension).entrySet()) {
					user = set(user, new AttributePath(key, attribute.getKey(), null, null), attribute.getValue());
				}
				continue;
			}
			if (key.toLowerCase(Locale.ROOT).startsWith("urn:") && !key.contains(":User:")) {
				continue; // an extension schema this service does not know
			}
			user = set(user, FilterParser.parsePath(key), entry.getValue());
		}
		if (user.userName() == null) {
			throw ScimException.invalidValue("userName is required");
		}
		return user;
	}

	/** Applies PATCH operations in order. */
	public static ScimUser patch(ScimUser user, List<PatchOperation> operations) {
		ScimUser patched = user;
		for (PatchOperation operation : operations) {
			if (operation.path() == null) {
				throw ScimException.invalidValue("An operation without a path needs an object value");
			}
			Object value = (operation.op() == PatchOperation.Op.REMOVE) ? null : operation.value();
			if (operation.op() != PatchOperation.Op.REMOVE && value == null) {
				throw ScimException.invalidValue("An " + operation.op().name().toLowerCase(Locale.ROOT) + " of '"
						+ operation.path() + "' needs a value");
			}
			patched = set(patched, operation.path(), value);
		}
		if (patched.userName() == null) {
			throw ScimException.invalidValue("userName cannot be removed");
		}
		return patched;
	}

	/** {@code value} {@code null} removes the attribute. */
	static ScimUser set(ScimUser user, AttributePath path, Object value) {
		String schema = path.schema();
		if (schema != null && ScimSchemas.isEnterprise(schema)) {
			return setEnterprise(user, path, value);
		}
		if (schema != null && !schema.equalsIgnoreCase(ScimSchemas.USER)) {
			return user; // an extension schema this service does not know
		}
		String attribute = path.attribute().toLowerCase(Locale.ROOT);
		if (READ_ONLY.contains(attribute)) {
			throw ScimException.mutability(path.attribute() + " is read-only");
		}
		return switch (attribute) {
			case "username" -> {
				String userName = string(path, value);
				if (userName == null || userName.isBlank()) {
					throw ScimException.invalidValue("userName is required and cannot be blank");
				}
				yield user.withUserName(userName);
			}
			case "externalid" -> user.withExternalId(string(path, value));
			case "displayname" -> user.withDisplayName(string(path, value));
			case "active" -> user.withActive((value != null) ? bool(path, value) : null);
			case "name" -> setName(user, path, value);
			case "emails" -> user.withEmail(email(path, value));
			default -> {
				if (IGNORED_CORE.contains(attribute)) {
					yield user;
				}
				throw ScimException.invalidPath("The User schema has no attribute '" + path.attribute() + "'");
			}
		};
	}

	private static ScimUser setName(ScimUser user, AttributePath path, Object value) {
		if (path.subAttribute() == null) {
			if (value == null) {
				return user.withGivenName(null).withFamilyName(null);
			}
			if (!(value instanceof Map<?, ?> name)) {
				throw ScimException.invalidValue("name must be an object");
			}
			ScimUser named = user;
			for (Map.Entry<String, Object> entry : PatchRequest.cast(name).entrySet()) {
				named = setName(named, AttributePath.of("name", entry.getKey()), entry.getValue());
			}
			return named;
		}
		String sub = path.subAttribute().toLowerCase(Locale.ROOT);
		return switch (sub) {
			case "givenname" -> user.withGivenName(string(path, value));
			case "familyname" -> user.withFamilyName(string(path, value));
			default -> {
				if (IGNORED_NAME.contains(sub)) {
					yield user;
				}
				throw ScimException.invalidPath("name has no sub-attribute '" + path.subAttribute() + "'");
			}
		};
	}

	private static ScimUser setEnterprise(ScimUser user, AttributePath path, Object value) {
		String attribute = path.attribute().toLowerCase(Locale.ROOT);
		return switch (attribute) {
			case "employeenumber" -> user.withEmployeeNumber(string(path, value));
			case "department" -> user.withDepartment(string(path, value));
			default -> {
				if (IGNORED_ENTERPRISE.contains(attribute)) {
					yield user;
				}
				throw ScimException
					.invalidPath("The enterprise User extension has no attribute '" + path.attribute() + "'");
			}
		};
	}

	/**
	 * The email kept from {@code emails}: a whole list (primary, else work, else first),
	 * one value object, or a value path's {@code value}.
	 */
	private static String email(AttributePath path, Object value) {
		if (value == null) {
			return null;
		}
		if (path.subAttribute() != null) {
			if (!path.subAttribute().equalsIgnoreCase("value")) {
				return null; // type and primary are not kept: Lanyard's email is the one
								// address
			}
			return string(path, value);
		}
		if (value instanceof Map<?, ?> single) {
			return string(path, PatchRequest.caseInsensitive(PatchRequest.cast(single), "value"));
		}
		if (!(value instanceof List<?> emails)) {
			throw ScimException.invalidValue("emails must be an array of objects");
		}
		Map<String, Object> chosen = null;
		int rank = Integer.MAX_VALUE;
		for (Object email : emails) {
			if (!(email instanceof Map<?, ?> map)) {
				throw ScimException.invalidValue("emails must be an array of objects");
			}
			Map<String, Object> candidate = PatchRequest.cast(map);
			Object primary = PatchRequest.caseInsensitive(candidate, "primary");
			int candidateRank = (primary != null && bool(path, primary)) ? 0
					: "work".equalsIgnoreCase(String.valueOf(PatchRequest.caseInsensitive(candidate, "type"))) ? 1 : 2;
			if (candidateRank < rank) {
				chosen = candidate;
				rank = candidateRank;
			}
		}
		return (chosen != null) ? string(path, PatchRequest.caseInsensitive(chosen, "value")) : null;
	}

	private static String string(AttributePath path, Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw ScimException.invalidValue(path + " must be a string");
		}
		if (text.length() > MAX_VALUE) {
			throw ScimException.invalidValue(path + " is longer than " + MAX_VALUE + " characters");
		}
		return text;
	}

	/** A boolean, or Entra's {@code "True"}/{@code "False"} strings. */
	public static boolean bool(AttributePath path, Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
			return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
		}
		throw ScimException.invalidValue(path + " must be true or false");
	}

}
