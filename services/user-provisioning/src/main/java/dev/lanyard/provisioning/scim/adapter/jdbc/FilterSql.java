package dev.lanyard.provisioning.scim.adapter.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.lanyard.provisioning.scim.ScimException;
import dev.lanyard.provisioning.scim.domain.AttributePath;
import dev.lanyard.provisioning.scim.domain.Filter;

/**
 * Translates a SCIM filter into a SQL condition over the columns a resource type maps its
 * attributes to. Values only ever become bind parameters; SQL text comes from the column
 * mapping alone. What the mapping does not cover is refused as {@code invalidFilter}
 * naming it.
 */
final class FilterSql {

	private FilterSql() {
	}

	/** Where a resource type's attributes live. */
	interface Columns {

		/** The column of a simple attribute path (no value filter). */
		Optional<Column> column(AttributePath path);

		/** The columns of one value of a multi-valued attribute, e.g. {@code emails}. */
		default Optional<Columns> element(String attribute) {
			return Optional.empty();
		}

	}

	/**
	 * @param sql a SQL expression from the mapping, never from the request
	 * @param type how values compare
	 */
	record Column(String sql, Type type) {

	}

	enum Type {

		/** Strings compared ignoring case. */
		TEXT_IGNORE_CASE,
		/** Strings compared exactly. */
		TEXT,
		/** A UUID column, compared as text. */
		UUID, BOOLEAN

	}

	static String translate(Filter filter, Columns columns, List<Object> params) {
		return switch (filter) {
			case Filter.And and ->
				"(" + translate(and.left(), columns, params) + " AND " + translate(and.right(), columns, params) + ")";
			case Filter.Or or ->
				"(" + translate(or.left(), columns, params) + " OR " + translate(or.right(), columns, params) + ")";
			case Filter.Not not -> "(NOT COALESCE(" + translate(not.filter(), columns, params) + ", FALSE))";
			case Filter.Present present ->
				withValueFilter(present.path(), columns, params, (column) -> column.sql() + " IS NOT NULL");
			case Filter.Has has -> withValueFilter(has.path(), columns, params, null);
			case Filter.Compare compare ->
				withValueFilter(compare.path(), columns, params, (column) -> compare(column, compare, params));
		};
	}

	private static String withValueFilter(AttributePath path, Columns columns, List<Object> params,
			java.util.function.Function<Column, String> condition) {
		if (path.valueFilter() == null) {
			return condition.apply(column(path, columns));
		}
		Columns element = columns.element(path.attribute())
			.orElseThrow(() -> unsupported("value filters on '" + path.attribute() + "'"));
		String matches = translate(path.valueFilter(), element, params);
		if (condition == null) {
			return matches;
		}
		AttributePath sub = AttributePath.of((path.subAttribute() != null) ? path.subAttribute() : "value");
		return "(" + matches + " AND " + condition.apply(column(sub, element)) + ")";
	}

	private static Column column(AttributePath path, Columns columns) {
		return columns.column(path).orElseThrow(() -> unsupported("the attribute '" + path + "'"));
	}

	private static String compare(Column column, Filter.Compare compare, List<Object> params) {
		Object value = compare.value();
		if (value == null) {
			if (compare.operator() == Filter.Operator.EQ) {
				return column.sql() + " IS NULL";
			}
			if (compare.operator() == Filter.Operator.NE) {
				return column.sql() + " IS NOT NULL";
			}
			throw ScimException.invalidFilter("null can only be compared with eq or ne");
		}
		switch (column.type()) {
			case BOOLEAN -> {
				if (!(value instanceof Boolean)
						|| compare.operator() != Filter.Operator.EQ && compare.operator() != Filter.Operator.NE) {
					throw ScimException
						.invalidFilter("'" + compare.path() + "' compares only with eq/ne true or false");
				}
				params.add(value);
				return column.sql() + ((compare.operator() == Filter.Operator.EQ) ? " = ?" : " <> ?");
			}
			case UUID -> {
				if (compare.operator() != Filter.Operator.EQ || !(value instanceof String)) {
					throw unsupported("'" + compare.operator().name().toLowerCase(Locale.ROOT) + "' on '"
							+ compare.path() + "' (only eq with a string)");
				}
				params.add(value);
				return column.sql() + "::text = ?";
			}
			default -> {
				if (!(value instanceof String text)) {
					throw ScimException.invalidFilter("'" + compare.path() + "' compares only with strings");
				}
				boolean ignoreCase = column.type() == Type.TEXT_IGNORE_CASE;
				String left = ignoreCase ? "lower(" + column.sql() + ")" : column.sql();
				String right = ignoreCase ? "lower(?)" : "?";
				return switch (compare.operator()) {
					case EQ -> add(params, text, left + " = " + right);
					case NE -> add(params, text, "(" + column.sql() + " IS NULL OR " + left + " <> " + right + ")");
					case CO -> add(params, "%" + like(text) + "%", left + " LIKE " + right);
					case SW -> add(params, like(text) + "%", left + " LIKE " + right);
					case EW -> add(params, "%" + like(text), left + " LIKE " + right);
					default -> throw unsupported(
							"'" + compare.operator().name().toLowerCase(Locale.ROOT) + "' on '" + compare.path() + "'");
				};
			}
		}
	}

	private static String add(List<Object> params, Object value, String sql) {
		params.add(value);
		return sql;
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static ScimException unsupported(String what) {
		return ScimException.invalidFilter("Filtering on " + what + " is not supported");
	}

}
