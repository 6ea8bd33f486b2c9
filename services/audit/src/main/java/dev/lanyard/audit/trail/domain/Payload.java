package dev.lanyard.audit.trail.domain;

import java.util.List;
import java.util.Map;

/**
 * Read access to a stored event's payload as plain values (strings, booleans, numbers,
 * lists, maps), as any JSON reader produces them. A missing or mistyped field reads as
 * absent: old rows are shown as well as they can be, never refused.
 *
 * @param fields the payload's top-level fields
 */
record Payload(Map<String, Object> fields) {

	Payload {
		fields = (fields != null) ? fields : Map.of();
	}

	String text(String name) {
		Object value = this.fields.get(name);
		return (value instanceof String text) ? text : null;
	}

	Boolean bool(String name) {
		Object value = this.fields.get(name);
		return (value instanceof Boolean bool) ? bool : null;
	}

	Long number(String name) {
		Object value = this.fields.get(name);
		return (value instanceof Number number) ? number.longValue() : null;
	}

	List<String> texts(String name) {
		Object value = this.fields.get(name);
		if (!(value instanceof List<?> list)) {
			return null;
		}
		return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
	}

	Object plain(String name) {
		Object value = this.fields.get(name);
		return (value instanceof Number number) ? (Object) number.longValue() : value;
	}

}
