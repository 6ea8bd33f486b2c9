package dev.lanyard.audit.trail.adapter.kafka;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.platform.kafka.consumer.UnreadableRecordException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders an Avro record as plain JSON: field names as keys, unions unwrapped, UUIDs and
 * instants as ISO-8601 strings, bytes as base64. Refuses a string holding a NUL
 * character, which PostgreSQL cannot store in {@code text} or {@code jsonb}.
 */
final class AvroJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AvroJson() {
	}

	static String toJson(IndexedRecord record) {
		return JSON.writeValueAsString(toMap(record, ""));
	}

	private static Map<String, Object> toMap(IndexedRecord record, String path) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (Schema.Field field : record.getSchema().getFields()) {
			String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
			map.put(field.name(), plain(record.get(field.pos()), fieldPath));
		}
		return map;
	}

	private static Object plain(Object value, String path) {
		return switch (value) {
			case null -> null;
			case CharSequence text -> checked(text.toString(), path);
			case Boolean bool -> bool;
			case Number number -> number;
			case UUID uuid -> uuid.toString();
			case Instant instant -> instant.toString();
			case LocalDate date -> date.toString();
			case LocalTime time -> time.toString();
			case IndexedRecord nested -> toMap(nested, path);
			case ByteBuffer bytes -> base64(bytes);
			case GenericFixed fixed -> Base64.getEncoder().encodeToString(fixed.bytes());
			case Collection<?> items -> list(items, path);
			case Map<?, ?> entries -> map(entries, path);
			default -> checked(value.toString(), path);
		};
	}

	private static List<Object> list(Collection<?> items, String path) {
		List<Object> list = new ArrayList<>(items.size());
		for (Object item : items) {
			list.add(plain(item, path + "[]"));
		}
		return list;
	}

	private static Map<String, Object> map(Map<?, ?> entries, String path) {
		Map<String, Object> map = new LinkedHashMap<>();
		entries.forEach((key, item) -> map.put(checked(String.valueOf(key), path + "{}"), plain(item, path + "{}")));
		return map;
	}

	private static String base64(ByteBuffer buffer) {
		ByteBuffer copy = buffer.duplicate();
		byte[] bytes = new byte[copy.remaining()];
		copy.get(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	static String checked(String text, String path) {
		if (text.indexOf('\u0000') >= 0) {
			throw new UnreadableRecordException("Field " + path + " contains a NUL character, which cannot be stored");
		}
		return text;
	}

}
