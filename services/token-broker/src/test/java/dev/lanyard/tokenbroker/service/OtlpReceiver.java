package dev.lanyard.tokenbroker.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real OTLP/HTTP trace receiver on 127.0.0.1 (what an OpenTelemetry collector answers
 * at {@code POST /v1/traces}): keeps every request body as it came and the spans decoded
 * from its protobuf ({@code ExportTraceServiceRequest} of opentelemetry-proto, read with
 * the wire format's few rules rather than generated classes).
 */
final class OtlpReceiver implements AutoCloseable {

	/** opentelemetry-proto's {@code Span.SpanKind}. */
	static final int SERVER = 2;

	static final int PRODUCER = 4;

	private final HttpServer server;

	private final List<byte[]> payloads = new CopyOnWriteArrayList<>();

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private OtlpReceiver(HttpServer server) {
		this.server = server;
	}

	static OtlpReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			OtlpReceiver receiver = new OtlpReceiver(server);
			server.createContext("/v1/traces", receiver::receive);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String tracesUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/** Every request body received, decompressed. */
	List<byte[]> payloads() {
		return List.copyOf(this.payloads);
	}

	/** The spans of one trace, once {@code until} holds for them. */
	List<ReceivedSpan> awaitTrace(String traceId, Predicate<List<ReceivedSpan>> until, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<ReceivedSpan> trace = this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
			if (until.test(trace) || System.nanoTime() > deadline) {
				return trace;
			}
			Thread.sleep(100);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			byte[] payload = body.readAllBytes();
			this.payloads.add(payload);
			this.spans.addAll(decode(payload));
			// an empty ExportTraceServiceResponse: everything accepted
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
		}
	}

	/** ExportTraceServiceRequest → ResourceSpans (1) → ScopeSpans (2) → Span (2). */
	static List<ReceivedSpan> decode(byte[] request) {
		List<ReceivedSpan> decoded = new ArrayList<>();
		for (Field resourceSpans : Field.all(request, 1)) {
			for (Field scopeSpans : Field.all(resourceSpans.bytes(), 2)) {
				for (Field span : Field.all(scopeSpans.bytes(), 2)) {
					decoded.add(ReceivedSpan.of(span.bytes()));
				}
			}
		}
		return decoded;
	}

	/**
	 * One span: ids in hex, its name, kind and string attributes.
	 */
	record ReceivedSpan(String traceId, String spanId, String name, int kind, Map<String, String> attributes) {

		static ReceivedSpan of(byte[] span) {
			Map<String, String> attributes = new LinkedHashMap<>();
			for (Field keyValue : Field.all(span, 9)) {
				String key = Field.first(keyValue.bytes(), 1).text();
				// AnyValue: string_value (1); other kinds are kept as their bytes' text
				Field value = Field.first(keyValue.bytes(), 2);
				attributes.put(key, (value == null) ? "" : new String(value.bytes(), StandardCharsets.UTF_8));
			}
			Field kind = Field.first(span, 6);
			return new ReceivedSpan(HexFormat.of().formatHex(Field.first(span, 1).bytes()),
					HexFormat.of().formatHex(Field.first(span, 2).bytes()), Field.first(span, 5).text(),
					(kind == null) ? 0 : (int) kind.number(), attributes);
		}

	}

	/**
	 * A protobuf field: its number and either a varint/fixed value or its bytes
	 * (length-delimited).
	 */
	record Field(int tag, long number, byte[] bytes) {

		String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		static Field first(byte[] message, int tag) {
			List<Field> fields = all(message, tag);
			return fields.isEmpty() ? null : fields.getFirst();
		}

		static List<Field> all(byte[] message, int tag) {
			List<Field> fields = new ArrayList<>();
			ByteBuffer in = ByteBuffer.wrap(message);
			while (in.hasRemaining()) {
				long key = varint(in);
				int number = (int) (key >>> 3);
				Field field = switch ((int) (key & 7)) {
					case 0 -> new Field(number, varint(in), new byte[0]);
					case 1 -> new Field(number, 0, bytes(in, 8));
					case 2 -> new Field(number, 0, bytes(in, (int) varint(in)));
					case 5 -> new Field(number, 0, bytes(in, 4));
					default -> throw new IllegalArgumentException("Unknown wire type in " + key);
				};
				if (number == tag) {
					fields.add(field);
				}
			}
			return fields;
		}

		private static byte[] bytes(ByteBuffer in, int length) {
			byte[] bytes = new byte[length];
			in.get(bytes);
			return bytes;
		}

		private static long varint(ByteBuffer in) {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				int next = in.get() & 0xff;
				value |= (long) (next & 0x7f) << shift;
				if ((next & 0x80) == 0) {
					return value;
				}
			}
			throw new IllegalArgumentException("Varint longer than 64 bits");
		}

	}

}
