package dev.lanyard.audit.ledger.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * JSON in one spelling, in the manner of RFC 8785 (JCS): object members sorted by their
 * UTF-16 code units, no insignificant whitespace, strings with only the escapes JCS
 * prescribes. Numbers keep the digits they were written with (PostgreSQL's jsonb prints
 * each value one way, and the events hold integers), so canonicalising never rounds.
 */
public final class CanonicalJson {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

	private final String text;

	private int at;

	private CanonicalJson(String text) {
		this.text = text;
	}

	/**
	 * @throws IllegalArgumentException when {@code json} is not one JSON value
	 */
	public static String canonicalize(String json) {
		if (json == null) {
			throw new IllegalArgumentException("json cannot be null");
		}
		CanonicalJson parser = new CanonicalJson(json);
		Object value = parser.value();
		parser.skipWhitespace();
		if (parser.at != json.length()) {
			throw new IllegalArgumentException("json has content after its value at offset " + parser.at);
		}
		StringBuilder out = new StringBuilder(json.length());
		write(value, out);
		return out.toString();
	}

	/**
	 * Reads one JSON value: objects as maps, arrays as lists, numbers as {@link Raw} with
	 * their digits as written.
	 * @throws IllegalArgumentException when {@code json} is not one JSON value
	 */
	public static Object parse(String json) {
		if (json == null) {
			throw new IllegalArgumentException("json cannot be null");
		}
		CanonicalJson parser = new CanonicalJson(json);
		Object value = parser.value();
		parser.skipWhitespace();
		if (parser.at != json.length()) {
			throw new IllegalArgumentException("json has content after its value at offset " + parser.at);
		}
		return value;
	}

	/**
	 * Writes a value built of maps with string keys, lists, strings, booleans, null,
	 * integral numbers and {@link Raw} (already canonical JSON).
	 */
	public static void write(Object value, StringBuilder out) {
		switch (value) {
			case null -> out.append("null");
			case Raw raw -> out.append(raw.json());
			case String string -> string(string, out);
			case Boolean bool -> out.append(bool);
			case Long number -> out.append(number);
			case Integer number -> out.append(number);
			case Map<?, ?> map -> {
				out.append('{');
				boolean first = true;
				for (Map.Entry<?, ?> member : new TreeMap<>(map).entrySet()) {
					if (!first) {
						out.append(',');
					}
					first = false;
					string((String) member.getKey(), out);
					out.append(':');
					write(member.getValue(), out);
				}
				out.append('}');
			}
			case List<?> list -> {
				out.append('[');
				for (int i = 0; i < list.size(); i++) {
					if (i > 0) {
						out.append(',');
					}
					write(list.get(i), out);
				}
				out.append(']');
			}
			default -> throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName());
		}
	}

	private static void string(String value, StringBuilder out) {
		out.append('"');
		// runs that need no escape (nearly every character) are copied whole
		int run = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 0x20 && c != '"' && c != '\\') {
				continue;
			}
			out.append(value, run, i);
			run = i + 1;
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
			}
		}
		out.append(value, run, value.length());
		out.append('"');
	}

	private Object value() {
		skipWhitespace();
		if (this.at >= this.text.length()) {
			throw error("a value");
		}
		char c = this.text.charAt(this.at);
		return switch (c) {
			case '{' -> object();
			case '[' -> array();
			case '"' -> stringValue();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, Object> object() {
		this.at++;
		Map<String, Object> members = new TreeMap<>();
		skipWhitespace();
		if (peek() == '}') {
			this.at++;
			return members;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("a member name");
			}
			String name = stringValue();
			skipWhitespace();
			expect(':');
			if (members.containsKey(name)) {
				throw new IllegalArgumentException("json repeats member " + name);
			}
			members.put(name, value());
			skipWhitespace();
			if (peek() == ',') {
				this.at++;
				continue;
			}
			expect('}');
			return members;
		}
	}

	private List<Object> array() {
		this.at++;
		List<Object> items = new ArrayList<>();
		skipWhitespace();
		if (peek() == ']') {
			this.at++;
			return items;
		}
		while (true) {
			items.add(value());
			skipWhitespace();
			if (peek() == ',') {
				this.at++;
				continue;
			}
			expect(']');
			return items;
		}
	}

	private String stringValue() {
		this.at++;
		// without escapes (nearly every string) the value is the text up to the quote
		for (int end = this.at; end < this.text.length(); end++) {
			char c = this.text.charAt(end);
			if (c == '"') {
				String value = this.text.substring(this.at, end);
				this.at = end + 1;
				return value;
			}
			if (c == '\\' || c < 0x20) {
				break;
			}
		}
		StringBuilder value = new StringBuilder();
		while (true) {
			if (this.at >= this.text.length()) {
				throw error("the end of a string");
			}
			char c = this.text.charAt(this.at++);
			if (c == '"') {
				return value.toString();
			}
			if (c < 0x20) {
				throw error("an escaped control character");
			}
			if (c != '\\') {
				value.append(c);
				continue;
			}
			char escape = this.text.charAt(this.at++);
			switch (escape) {
				case '"', '\\', '/' -> value.append(escape);
				case 'b' -> value.append('\b');
				case 'f' -> value.append('\f');
				case 'n' -> value.append('\n');
				case 'r' -> value.append('\r');
				case 't' -> value.append('\t');
				case 'u' -> {
					value.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
					this.at += 4;
				}
				default -> throw error("a valid escape");
			}
		}
	}

	private Raw number() {
		int start = this.at;
		if (peek() == '-') {
			this.at++;
		}
		int digits = this.at;
		while (this.at < this.text.length() && "0123456789+-.eE".indexOf(this.text.charAt(this.at)) >= 0) {
			this.at++;
		}
		String raw = this.text.substring(start, this.at);
		if (this.at == digits || !NUMBER.matcher(raw).matches()) {
			throw error("a number");
		}
		return new Raw(raw);
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.at)) {
			throw error(word);
		}
		this.at += word.length();
		return value;
	}

	private void skipWhitespace() {
		while (this.at < this.text.length()) {
			char c = this.text.charAt(this.at);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return;
			}
			this.at++;
		}
	}

	private char peek() {
		return (this.at < this.text.length()) ? this.text.charAt(this.at) : '\0';
	}

	private void expect(char c) {
		if (peek() != c) {
			throw error("'" + c + "'");
		}
		this.at++;
	}

	private IllegalArgumentException error(String expected) {
		return new IllegalArgumentException("json: expected " + expected + " at offset " + this.at);
	}

	/** Text already in canonical form, written as it is. */
	public record Raw(String json) {
	}

}
