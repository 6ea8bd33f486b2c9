package dev.lanyard.provisioning.scim.domain;

/**
 * One PATCH operation, normalised: the operation's name in any case, and a path-less
 * {@code add}/{@code replace} split into one operation per attribute of its value.
 *
 * @param op what to do
 * @param path the target; {@code null} only for a path-less add/replace of a non-object
 * @param value the value as parsed JSON ({@link java.util.Map}, {@link java.util.List},
 * {@link String}, {@link Boolean}, number or {@code null})
 */
public record PatchOperation(Op op, AttributePath path, Object value) {

	public PatchOperation {
		if (op == null) {
			throw new IllegalArgumentException("op cannot be null");
		}
	}

	/** The three operations of RFC 7644 §3.5.2. */
	public enum Op {

		ADD, REPLACE, REMOVE

	}

}
