package dev.lanyard.provisioning.scim.domain;

import java.util.Locale;

/**
 * An attribute path (RFC 7644 §3.10): {@code [schema ":"] attribute ["[" filter "]"] ["."
 * subAttribute]}. Attribute names compare ignoring case.
 *
 * @param schema the schema URN prefix, {@code null} when not given
 * @param attribute the attribute name
 * @param valueFilter the value filter of a multi-valued attribute, {@code null} when none
 * @param subAttribute the sub-attribute, {@code null} when none
 */
public record AttributePath(String schema, String attribute, Filter valueFilter, String subAttribute) {

	public AttributePath {
		if (attribute == null || attribute.isEmpty()) {
			throw new IllegalArgumentException("attribute cannot be empty");
		}
	}

	public static AttributePath of(String attribute) {
		return new AttributePath(null, attribute, null, null);
	}

	public static AttributePath of(String attribute, String subAttribute) {
		return new AttributePath(null, attribute, null, subAttribute);
	}

	/** Whether this names {@code attribute} (ignoring case and the schema). */
	public boolean is(String name) {
		return this.attribute.equalsIgnoreCase(name);
	}

	/** Whether this names {@code attribute.subAttribute} (ignoring case). */
	public boolean is(String name, String sub) {
		return is(name) && this.subAttribute != null && this.subAttribute.equalsIgnoreCase(sub);
	}

	/** The schema or {@code null}, lower case, for comparisons. */
	public String schemaKey() {
		return (this.schema != null) ? this.schema.toLowerCase(Locale.ROOT) : null;
	}

	@Override
	public String toString() {
		return ((this.schema != null) ? this.schema + ":" : "") + this.attribute
				+ ((this.valueFilter != null) ? "[" + this.valueFilter + "]" : "")
				+ ((this.subAttribute != null) ? "." + this.subAttribute : "");
	}

}
