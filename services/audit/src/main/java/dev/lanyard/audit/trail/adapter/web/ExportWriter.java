package dev.lanyard.audit.trail.adapter.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanyard.audit.trail.domain.StoredEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes exported events one at a time as they are read: NDJSON (one JSON object per
 * line) or CSV (RFC 4180, header row). Holds nothing but the current row.
 */
final class ExportWriter implements AutoCloseable {

	/** Export formats and their media types. */
	enum Format {

		NDJSON("application/x-ndjson"), CSV("text/csv");

		final String mediaType;

		Format(String mediaType) {
			this.mediaType = mediaType;
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// A spreadsheet runs a cell starting with these as a formula (CSV injection).
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final Format format;

	private final Writer out;

	ExportWriter(Format format, OutputStream out) {
		if (format == null) {
			throw new IllegalArgumentException("format cannot be null");
		}
		if (out == null) {
			throw new IllegalArgumentException("out cannot be null");
		}
		this.format = format;
		this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
	}

	void header() {
		if (this.format == Format.CSV) {
			line(ExportRow.FIELDS.stream().map(ExportWriter::csvCell).toList());
		}
	}

	void write(StoredEvent event) {
		List<Object> values = ExportRow.values(event);
		if (this.format == Format.NDJSON) {
			append(JSON.writeValueAsString(nested(values)) + "\n");
			return;
		}
		line(values.stream().map(ExportWriter::csvText).map(ExportWriter::csvCell).toList());
	}

	private static Map<String, Object> nested(List<Object> values) {
		Map<String, Object> root = new LinkedHashMap<>();
		for (int i = 0; i < values.size(); i++) {
			if (values.get(i) == null) {
				continue;
			}
			String[] path = ExportRow.FIELDS.get(i).split("\\.");
			Map<String, Object> node = root;
			for (int p = 0; p < path.length - 1; p++) {
				@SuppressWarnings("unchecked")
				Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(path[p],
						(key) -> new LinkedHashMap<String, Object>());
				node = child;
			}
			node.put(path[path.length - 1], values.get(i));
		}
		return root;
	}

	private static String csvText(Object value) {
		return switch (value) {
			case null -> "";
			case String text -> text;
			case Number number -> number.toString();
			case List<?> list -> String.join(" ", list.stream().map(String::valueOf).toList());
			default -> JSON.writeValueAsString(value);
		};
	}

	/**
	 * RFC 4180 quoting, and a leading apostrophe on what a spreadsheet would evaluate.
	 */
	static String csvCell(String text) {
		String cell = (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
		if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
			return "\"" + cell.replace("\"", "\"\"") + "\"";
		}
		return cell;
	}

	private void line(List<String> cells) {
		append(String.join(",", cells) + "\r\n");
	}

	private void append(String text) {
		try {
			this.out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.out.flush();
	}

}
