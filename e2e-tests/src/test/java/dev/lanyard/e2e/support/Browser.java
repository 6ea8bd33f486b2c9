package dev.lanyard.e2e.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's browser: keeps cookies, follows no redirect by itself, and signs in at the
 * development OIDC provider by filling in its login form (subject and claims JSON), as a
 * person would type them.
 */
public final class Browser {

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String gateway;

	private final Map<String, String> headers;

	public Browser(String gateway) {
		this(gateway, Map.of());
	}

	/**
	 * A browser that sends these headers with every request (e.g. a chosen correlation
	 * id).
	 */
	public Browser(String gateway, Map<String, String> headers) {
		this.gateway = gateway;
		this.headers = Map.copyOf(headers);
	}

	/**
	 * Runs the whole sign-in and returns the gateway's answer at the callback (302 to the
	 * landing page when it completed).
	 */
	public HttpResponse<String> signIn(String provider, String subject, Map<String, Object> claims) throws Exception {
		HttpResponse<String> start = get(this.gateway + "/login/" + provider);
		assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
		return submitLoginForm(start.headers().firstValue("Location").orElseThrow(), subject, claims);
	}

	/**
	 * At the development provider's authorization endpoint: fills in its login form and
	 * follows its redirect back to the caller, returning the caller's answer.
	 */
	public HttpResponse<String> submitLoginForm(String authorize, String subject, Map<String, Object> claims)
			throws Exception {
		HttpResponse<String> form = get(authorize);
		assertThat(form.statusCode()).as("the provider's login form").isEqualTo(200);
		HttpResponse<String> answered = send(HttpRequest.newBuilder(URI.create(authorize))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					Lanyard.form(Map.of("username", subject, "claims", Lanyard.JSON.writeValueAsString(claims))))));
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
		return get(answered.headers().firstValue("Location").orElseThrow());
	}

	public HttpResponse<String> get(String url) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url.startsWith("/") ? this.gateway + url : url)));
	}

	public JsonNode me() throws Exception {
		HttpResponse<String> me = get("/api/me");
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		return Lanyard.JSON.readTree(me.body());
	}

	/**
	 * POST with the CSRF header the gateway's cookie asks for. Signing in replaces the
	 * CSRF token, so, as a page would, it first loads {@code /api/me} when it holds none.
	 */
	public HttpResponse<String> post(String path) throws Exception {
		if (this.cookies.getCookieStore().getCookies().stream().noneMatch((c) -> c.getName().equals("XSRF-TOKEN"))) {
			get("/api/me");
		}
		String csrf = this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
		return send(HttpRequest.newBuilder(URI.create(this.gateway + path))
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** Any request with the browser's cookies and the given extra headers. */
	public HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		this.headers.forEach(request::header);
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
