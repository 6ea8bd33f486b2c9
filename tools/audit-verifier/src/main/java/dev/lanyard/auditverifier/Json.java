package dev.lanyard.auditverifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader for bundle lines: objects without repeated members, strings,
 * integers, arrays, null. Remembers where each top-level member's value lies in the text,
 * so the verifier can hash a record's leaf data exactly as written.
 */
final class Json {

	private final String text;

	private int at;

	private final Map<String, int[]> spans = new LinkedHashMap<>();

	private Json(String text) {
		this.text = text;
	}

	/** A parsed object and the spans of its members' values. */
	record Parsed(Map<String, Object> members, Map<String, int[]> spans, String text) {

		String raw(String member) {
			int[] span = this.spans.get(member);
			return this.text.substring(span[0], span[1]);
		}

	}

	static Parsed object(String text) {
		Json json = new Json(text);
		if (json.peek() != '{') {
			throw json.error("an object");
		}
		Map<String, Object> members = json.readObject(true);
		if (json.at != text.length()) {
			throw json.error("the end of the line");
		}
		return new Parsed(members, json.spans, text);
	}

	private Object value() {
		char c = peek();
		return switch (c) {
			case '{' -> readObject(false);
			case '[' -> array();
			case '"' -> string();
			case 'n' -> literal("null", null);
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			default -> number();
		};
	}

	private Map<String, Object> readObject(boolean top) {
		this.at++;
		Map<String, Object> members = new LinkedHashMap<>();
		skipSpace();
		if (peek() == '}') {
			this.at++;
			return members;
		}
		while (true) {
			skipSpace();
			if (peek() != '"') {
				throw error("a member name");
			}
			String name = string();
			skipSpace();
			expect(':');
			skipSpace();
			if (members.containsKey(name)) {
				throw error("no repeated member " + name);
			}
			int start = this.at;
			members.put(name, value());
			if (top) {
				this.spans.put(name, new int[] { start, this.at });
			}
			skipSpace();
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
		skipSpace();
		if (peek() == ']') {
			this.at++;
			return items;
		}
		while (true) {
			skipSpace();
			items.add(value());
			skipSpace();
			if (peek() == ',') {
				this.at++;
				continue;
			}
			expect(']');
			return items;
		}
	}

	private String string() {
		this.at++;
		StringBuilder out = new StringBuilder();
		while (true) {
			if (this.at >= this.text.length()) {
				throw error("the end of a string");
			}
			char c = this.text.charAt(this.at++);
			if (c == '"') {
				return out.toString();
			}
			if (c < 0x20) {
				throw error("no raw control character");
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			if (this.at >= this.text.length()) {
				throw error("an escape");
			}
			char e = this.text.charAt(this.at++);
			switch (e) {
				case '"', '\\', '/' -> out.append(e);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (this.at + 4 > this.text.length()
							|| !this.text.substring(this.at, this.at + 4).matches("[0-9a-fA-F]{4}")) {
						throw error("four hex digits");
					}
					out.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
					this.at += 4;
				}
				default -> throw error("a valid escape");
			}
		}
	}

	/** Integers become {@link Long}; other numbers are kept as their text. */
	private Object number() {
		int start = this.at;
		while (this.at < this.text.length() && "-+.eE0123456789".indexOf(this.text.charAt(this.at)) >= 0) {
			this.at++;
		}
		String raw = this.text.substring(start, this.at);
		if (raw.matches("-?(0|[1-9][0-9]{0,17})")) {
			return Long.parseLong(raw);
		}
		if (raw.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
			return raw;
		}
		throw error("a value");
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.at)) {
			throw error(word);
		}
		this.at += word.length();
		return value;
	}

	private void skipSpace() {
		while (this.at < this.text.length() && " \t\r".indexOf(this.text.charAt(this.at)) >= 0) {
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
		return new IllegalArgumentException("expected " + expected + " at column " + (this.at + 1));
	}

}
