package dev.lanyard.launcher.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

/** The few calls the launcher makes to Apicurio Registry. */
public final class RegistryClient {

	static final String CCOMPAT_JSON = "application/vnd.schemaregistry.v1+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final Supplier<String> bearerToken;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	/**
	 * @param baseUrl the registry's base URL, e.g. {@code http://127.0.0.1:8085}
	 */
	public RegistryClient(String baseUrl) {
		this(baseUrl, null);
	}

	/**
	 * @param baseUrl the registry's base URL
	 * @param bearerToken a fresh token for each write; null sends writes without one
	 */
	public RegistryClient(String baseUrl, Supplier<String> bearerToken) {
		if (baseUrl == null || !baseUrl.startsWith("http")) {
			throw new IllegalArgumentException("baseUrl must be an http(s) URL: " + baseUrl);
		}
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.bearerToken = bearerToken;
	}

	/** Whether the registry's system-info endpoint answers 200. */
	public boolean answers() {
		return send(HttpRequest.newBuilder(uri("/apis/registry/v3/system/info")).GET()).statusCode() == 200;
	}

	/** Registers a schema version under a subject (idempotent); returns the schema id. */
	public int registerSchema(String subject, String schema) {
		String body = JSON.writeValueAsString(Map.of("schema", schema));
		HttpResponse<String> response = send(
				write(ccompat("/subjects/" + encode(subject) + "/versions")).header("Content-Type", CCOMPAT_JSON)
					.POST(HttpRequest.BodyPublishers.ofString(body)));
		expect(response, 200, "register the schema of " + subject);
		return JSON.readTree(response.body()).get("id").asInt();
	}

	/** Sets a subject's compatibility level, e.g. {@code BACKWARD_TRANSITIVE}. */
	public void setCompatibility(String subject, String level) {
		String body = JSON.writeValueAsString(Map.of("compatibility", level));
		HttpResponse<String> response = send(
				write(ccompat("/config/" + encode(subject))).header("Content-Type", CCOMPAT_JSON)
					.PUT(HttpRequest.BodyPublishers.ofString(body)));
		expect(response, 200, "set the compatibility of " + subject);
	}

	/** The subjects the Confluent-compatible API lists. */
	public String subjects() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(ccompat("/subjects")).GET());
		expect(response, 200, "list subjects");
		return response.body();
	}

	/** A request that changes something: it carries the bearer token, if there is one. */
	private HttpRequest.Builder write(URI uri) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri);
		if (this.bearerToken != null) {
			request.header("Authorization", "Bearer " + this.bearerToken.get());
		}
		return request;
	}

	private URI ccompat(String path) {
		return uri("/apis/ccompat/v7" + path);
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8);
	}

	private static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(
					"Apicurio Registry refused to " + what + ": HTTP " + response.statusCode() + " " + response.body());
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Apicurio Registry at " + this.baseUrl + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
