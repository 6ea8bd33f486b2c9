package dev.lanyard.platform.outbound.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import dev.lanyard.platform.outbound.RefusedAddressException;
import dev.lanyard.platform.outbound.VettedResolver;

/**
 * HTTP calls to administrator-named endpoints. The host is resolved once per connection
 * through a {@link VettedResolver} and the connection goes to the vetted address (no
 * second lookup that DNS rebinding could answer differently); https keeps SNI and
 * hostname verification against the URL's host. No redirects are followed (one could lead
 * past the policy), no retries (callers decide), no cookies, no system proxy. Answers are
 * read up to {@value #MAX_BODY} bytes.
 *
 * <p>
 * Failures are {@link IOException}s: {@link RefusedAddressException} when the policy
 * refuses the host, {@link java.net.SocketTimeoutException} on a connect or read timeout,
 * others for transport failures.
 */
public final class OutboundHttp implements AutoCloseable {

	static final int MAX_BODY = 64 * 1024;

	private static final int MAX_CONNECTIONS = 100;

	private final CloseableHttpClient client;

	private OutboundHttp(CloseableHttpClient client) {
		this.client = client;
	}

	/**
	 * @param addresses resolves and vets every host called
	 * @param timeout for connecting and for each read
	 */
	public static OutboundHttp create(VettedResolver addresses, Duration timeout) {
		if (addresses == null) {
			throw new IllegalArgumentException("addresses cannot be null");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		Timeout bound = Timeout.of(timeout);
		CloseableHttpClient client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new PinnedDnsResolver(addresses))
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(bound).setSocketTimeout(bound).build())
				.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(bound).build())
				.setMaxConnTotal(MAX_CONNECTIONS)
				.setMaxConnPerRoute(MAX_CONNECTIONS)
				.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setConnectionRequestTimeout(bound).setResponseTimeout(bound).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.build();
		return new OutboundHttp(client);
	}

	/** An answer: its status and (at most {@value #MAX_BODY} bytes of) its body. */
	public record Response(int status, String body) {

	}

	public Response get(URI uri, Map<String, String> headers) throws IOException {
		return send(new HttpGet(uri), headers);
	}

	/** POSTs an {@code application/x-www-form-urlencoded} body. */
	public Response postForm(URI uri, Map<String, String> headers, String form) throws IOException {
		HttpPost post = new HttpPost(uri);
		post.setEntity(
				new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8)));
		return send(post, headers);
	}

	private Response send(HttpUriRequestBase request, Map<String, String> headers) throws IOException {
		headers.forEach(request::setHeader);
		return this.client.execute(request, (response) -> new Response(response.getCode(), body(response.getEntity())));
	}

	private static String body(HttpEntity entity) throws IOException {
		if (entity == null) {
			return "";
		}
		try {
			return EntityUtils.toString(entity, StandardCharsets.UTF_8, MAX_BODY);
		}
		catch (ParseException ex) {
			return "";
		}
	}

	@Override
	public void close() {
		this.client.close(CloseMode.GRACEFUL);
	}

}
