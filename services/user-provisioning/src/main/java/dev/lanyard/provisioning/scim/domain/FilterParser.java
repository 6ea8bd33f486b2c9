package dev.lanyard.provisioning.scim.domain;

import java.math.BigDecimal;
import java.util.Locale;

import dev.lanyard.provisioning.scim.ScimException;

/**
 * Parses SCIM filters (RFC 7644 §3.4.2.2) and attribute paths (§3.10). Bounded: a filter
 * longer than {@link #MAX_LENGTH} characters or nested deeper than {@link #MAX_DEPTH}
 * (parentheses and value filters) is refused before it costs anything. Every refusal is
 * {@code invalidFilter} (or {@code invalidPath} for a PATCH path).
 */
public final class FilterParser {

	public static final int MAX_LENGTH = 1000;

	public static final int MAX_DEPTH = 10;

	private final String text;

	private final boolean path;

	private int position;

	private int depth;

	private FilterParser(String text, boolean path) {
		this.text = text;
		this.path = path;
	}

	public static Filter parse(String filter) {
		if (filter == null || filter.isBlank()) {
			throw ScimException.invalidFilter("The filter is empty");
		}
		if (filter.length() > MAX_LENGTH) {
			throw ScimException.invalidFilter("The filter is longer than " + MAX_LENGTH + " characters");
		}
		FilterParser parser = new FilterParser(filter, false);
		Filter parsed = parser.or();
		parser.skipSpaces();
		if (!parser.atEnd()) {
			throw parser.error("Unexpected '" + parser.rest() + "'");
		}
		return parsed;
	}

	/** A PATCH operation's {@code path}. */
	public static AttributePath parsePath(String path) {
		if (path == null || path.isBlank()) {
			throw ScimException.invalidPath("The path is empty");
		}
		if (path.length() > MAX_LENGTH) {
			throw ScimException.invalidPath("The path is longer than " + MAX_LENGTH + " characters");
		}
		FilterParser parser = new FilterParser(path, true);
		parser.skipSpaces();
		AttributePath parsed = parser.attributePath(true);
		parser.skipSpaces();
		if (!parser.atEnd()) {
			throw parser.error("Unexpected '" + parser.rest() + "'");
		}
		return parsed;
	}

	private Filter or() {
		Filter left = and();
		while (keyword("or")) {
			left = new Filter.Or(left, and());
		}
		return left;
	}

	private Filter and() {
		Filter left = unary();
		while (keyword("and")) {
			left = new Filter.And(left, unary());
		}
		return left;
	}

	private Filter unary() {
		skipSpaces();
		if (keyword("not")) {
			skipSpaces();
			if (!consume('(')) {
				throw error("'not' must be followed by '('");
			}
			return new Filter.Not(grouped());
		}
		if (consume('(')) {
			return grouped();
		}
		return attributeExpression();
	}

	private Filter grouped() {
		enter();
		Filter inner = or();
		skipSpaces();
		if (!consume(')')) {
			throw error("Missing ')'");
		}
		this.depth--;
		return inner;
	}

	private Filter attributeExpression() {
		AttributePath attribute = attributePath(true);
		skipSpaces();
		int start = this.position;
		String operator = word();
		if (operator.isEmpty()) {
			if (attribute.valueFilter() != null && attribute.subAttribute() == null) {
				return new Filter.Has(attribute);
			}
			throw error("Expected an operator after '" + attribute + "'");
		}
		String lower = operator.toLowerCase(Locale.ROOT);
		if (lower.equals("pr")) {
			return new Filter.Present(attribute);
		}
		Filter.Operator compare = switch (lower) {
			case "eq" -> Filter.Operator.EQ;
			case "ne" -> Filter.Operator.NE;
			case "co" -> Filter.Operator.CO;
			case "sw" -> Filter.Operator.SW;
			case "ew" -> Filter.Operator.EW;
			case "gt" -> Filter.Operator.GT;
			case "ge" -> Filter.Operator.GE;
			case "lt" -> Filter.Operator.LT;
			case "le" -> Filter.Operator.LE;
			default -> {
				this.position = start;
				if (attribute.valueFilter() != null && attribute.subAttribute() == null) {
					yield null;
				}
				throw error("Unknown operator '" + operator + "'");
			}
		};
		if (compare == null) {
			return new Filter.Has(attribute);
		}
		skipSpaces();
		return new Filter.Compare(attribute, compare, value());
	}

	private AttributePath attributePath(boolean valueFilterAllowed) {
		String name = name();
		if (name.isEmpty()) {
			throw error("Expected an attribute name" + (atEnd() ? "" : " at '" + rest() + "'"));
		}
		String schema = null;
		String attribute = name;
		int colon = name.lastIndexOf(':');
		if (colon >= 0) {
			schema = name.substring(0, colon);
			attribute = name.substring(colon + 1);
			if (!schema.toLowerCase(Locale.ROOT).startsWith("urn:") || attribute.isEmpty()) {
				throw error("'" + name + "' is not an attribute name");
			}
		}
		String sub = null;
		int dot = attribute.indexOf('.');
		if (dot >= 0) {
			sub = attribute.substring(dot + 1);
			attribute = attribute.substring(0, dot);
			checkName(sub);
		}
		checkName(attribute);
		Filter valueFilter = null;
		if (sub == null && peek('[')) {
			if (!valueFilterAllowed) {
				throw error("Value filters cannot be nested");
			}
			this.position++;
			enter();
			valueFilter = valueFilter();
			skipSpaces();
			if (!consume(']')) {
				throw error("Missing ']'");
			}
			this.depth--;
			if (consume('.')) {
				sub = name();
				checkName(sub);
			}
		}
		return new AttributePath(schema, attribute, valueFilter, sub);
	}

	/** A value filter's attributes are sub-attributes: no further value filter inside. */
	private Filter valueFilter() {
		Filter left = valueAnd();
		while (keyword("or")) {
			left = new Filter.Or(left, valueAnd());
		}
		return left;
	}

	private Filter valueAnd() {
		Filter left = valueUnary();
		while (keyword("and")) {
			left = new Filter.And(left, valueUnary());
		}
		return left;
	}

	private Filter valueUnary() {
		skipSpaces();
		boolean not = keyword("not");
		skipSpaces();
		if (consume('(')) {
			enter();
			Filter inner = valueFilter();
			skipSpaces();
			if (!consume(')')) {
				throw error("Missing ')'");
			}
			this.depth--;
			return not ? new Filter.Not(inner) : inner;
		}
		if (not) {
			throw error("'not' must be followed by '('");
		}
		AttributePath attribute = attributePath(false);
		skipSpaces();
		String operator = word().toLowerCase(Locale.ROOT);
		if (operator.equals("pr")) {
			return new Filter.Present(attribute);
		}
		Filter.Operator compare;
		try {
			compare = Filter.Operator.valueOf(operator.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw error("Unknown operator '" + operator + "'");
		}
		skipSpaces();
		return new Filter.Compare(attribute, compare, value());
	}

	private Object value() {
		if (consume('"')) {
			return string();
		}
		String literal = word();
		switch (literal) {
			case "true":
				return Boolean.TRUE;
			case "false":
				return Boolean.FALSE;
			case "null":
				return null;
			default:
				break;
		}
		int start = this.position;
		while (!atEnd() && "+-.0123456789eE".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
		String number = literal + this.text.substring(start, this.position);
		try {
			return new BigDecimal(number);
		}
		catch (NumberFormatException ex) {
			throw error("Expected a value (a quoted string, true, false, null or a number)"
					+ (number.isEmpty() ? "" : ", not '" + number + "'"));
		}
	}

	/** The rest of a JSON string after its opening quote. */
	private String string() {
		StringBuilder value = new StringBuilder();
		while (!atEnd()) {
			char c = this.text.charAt(this.position++);
			if (c == '"') {
				return value.toString();
			}
			if (c != '\\') {
				value.append(c);
				continue;
			}
			if (atEnd()) {
				break;
			}
			char escaped = this.text.charAt(this.position++);
			switch (escaped) {
				case '"', '\\', '/' -> value.append(escaped);
				case 'b' -> value.append('\b');
				case 'f' -> value.append('\f');
				case 'n' -> value.append('\n');
				case 'r' -> value.append('\r');
				case 't' -> value.append('\t');
				case 'u' -> {
					if (this.position + 4 > this.text.length()) {
						throw error("Incomplete \\u escape");
					}
					try {
						value
							.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
					}
					catch (NumberFormatException ex) {
						throw error("Invalid \\u escape");
					}
					this.position += 4;
				}
				default -> throw error("Invalid escape '\\" + escaped + "'");
			}
		}
		throw error("Unterminated string");
	}

	private void checkName(String name) {
		if (name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '$') {
			throw error("'" + name + "' is not an attribute name");
		}
		for (char c : name.toCharArray()) {
			if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$'))) {
				throw error("'" + name + "' is not an attribute name");
			}
		}
	}

	/** A run of name characters: letters, digits, and {@code : . _ - $}. */
	private String name() {
		int start = this.position;
		while (!atEnd()) {
			char c = this.text.charAt(this.position);
			if (c < 128 && (Character.isLetterOrDigit(c) || ":._-$".indexOf(c) >= 0)) {
				this.position++;
			}
			else {
				break;
			}
		}
		return this.text.substring(start, this.position);
	}

	private String word() {
		int start = this.position;
		while (!atEnd() && Character.isLetter(this.text.charAt(this.position))) {
			this.position++;
		}
		return this.text.substring(start, this.position);
	}

	/** Consumes {@code keyword} (any case) when it comes next as a whole word. */
	private boolean keyword(String keyword) {
		int start = this.position;
		skipSpaces();
		int end = this.position + keyword.length();
		if (end <= this.text.length() && this.text.substring(this.position, end).equalsIgnoreCase(keyword)
				&& (end == this.text.length() || !Character.isLetterOrDigit(this.text.charAt(end)))) {
			this.position = end;
			return true;
		}
		this.position = start;
		return false;
	}

	private void enter() {
		if (++this.depth > MAX_DEPTH) {
			throw error("The filter is nested deeper than " + MAX_DEPTH + " levels");
		}
	}

	private boolean consume(char c) {
		if (peek(c)) {
			this.position++;
			return true;
		}
		return false;
	}

	private boolean peek(char c) {
		return !atEnd() && this.text.charAt(this.position) == c;
	}

	private void skipSpaces() {
		while (!atEnd() && this.text.charAt(this.position) == ' ') {
			this.position++;
		}
	}

	private boolean atEnd() {
		return this.position >= this.text.length();
	}

	private String rest() {
		String rest = this.text.substring(this.position);
		return (rest.length() > 40) ? rest.substring(0, 40) + "…" : rest;
	}

	private ScimException error(String detail) {
		return this.path ? ScimException.invalidPath("Invalid path: " + detail)
				: ScimException.invalidFilter("Invalid filter: " + detail);
	}

}
