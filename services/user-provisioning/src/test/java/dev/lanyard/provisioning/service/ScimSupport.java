package dev.lanyard.provisioning.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls {@code /scim/v2} as an identity provider does, with a SCIM client's secret. */
final class ScimSupport {

	static final String SCIM_JSON = "application/scim+json";

	static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final int port;

	private final String secret;

	ScimSupport(int port, String secret) {
		this.port = port;
		this.secret = secret;
	}

	ScimResponse call(String method, String path, String body, String correlationId, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/scim/v2" + path))
			.timeout(Duration.ofSeconds(20))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + this.secret)
			.header("Accept", SCIM_JSON);
		if (body != null && !headers.containsKey("Content-Type")) {
			request.header("Content-Type", SCIM_JSON);
		}
		if (correlationId != null) {
			request.header("X-Correlation-Id", correlationId);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new ScimResponse(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	ScimResponse get(String path) {
		return call("GET", path, null, null, Map.of());
	}

	ScimResponse send(String method, String path, String body, String correlationId) {
		return call(method, path, body, correlationId, Map.of());
	}

	static String patch(String... operations) {
		return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
	}

	static String filter(String filter) {
		return java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** An HTTP answer of a SCIM endpoint. */
	record ScimResponse(int status, String body, String contentType, String etag, String location) {

		JsonNode json() {
			return ScimSupport.json.readTree(this.body);
		}

		ScimResponse assertStatus(int expected) {
			assertThat(this.status).as(this.body).isEqualTo(expected);
			return this;
		}

		/** A SCIM error of that status and scimType. */
		void assertError(int expected, String scimType) {
			assertStatus(expected);
			assertThat(this.contentType).startsWith(SCIM_JSON);
			JsonNode error = json();
			assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
			assertThat(error.get("status").asString()).isEqualTo(String.valueOf(expected));
			if (scimType != null) {
				assertThat(error.get("scimType").asString()).isEqualTo(scimType);
			}
		}

	}

}
