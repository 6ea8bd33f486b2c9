package dev.lanyard.tokenbroker.throttling.adapter.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.tokenbroker.throttling.application.FailedAuthentications;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down secret guessing at {@code /oauth2/token}, {@code /oauth2/introspect} and
 * {@code /oauth2/revoke}: a client id, or a source address, that failed client
 * authentication too often within the window gets {@code 429} with {@code Retry-After}
 * and the OAuth error {@code temporarily_unavailable} until the window ends — before its
 * secret is even checked. Only failures count, so a busy client with the right secret is
 * never slowed. The source address is the socket's, or, for a request relayed by a
 * trusted proxy (auth-gateway), the caller's address it names: a header such as
 * X-Forwarded-For from anyone else is the caller's to choose.
 * <p>
 * Identity federation needs no client authentication, so it has a budget of its own: a
 * source address whose federation requests were refused too often (a {@code 400}:
 * {@code invalid_grant}, {@code invalid_request}, {@code invalid_scope}) waits likewise
 * before its next federation request is even parsed. Without it, anyone could try
 * assertions without end, each refusal a CredentialDenied record. An issuer's keys being
 * unavailable ({@code 503}) is not the caller's failure and is not counted.
 */
public final class TokenEndpointThrottle extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(TokenEndpointThrottle.class);

	/** Set by auth-gateway to the caller's socket address (replacing any sent value). */
	static final String CLIENT_ADDRESS = "X-Lanyard-Client-Address";

	private final FailedAuthentications perClient;

	private final FailedAuthentications perAddress;

	private final FailedAuthentications federationPerAddress;

	private final Predicate<HttpServletRequest> isFederation;

	private final Set<String> trustedProxies;

	/**
	 * @param federationPerAddress refused federation requests per source address
	 * @param isFederation which token requests are identity federation's
	 * @param trustedProxies socket addresses (auth-gateway's) whose
	 * {@value #CLIENT_ADDRESS} header names the caller
	 */
	public TokenEndpointThrottle(FailedAuthentications perClient, FailedAuthentications perAddress,
			FailedAuthentications federationPerAddress, Predicate<HttpServletRequest> isFederation,
			Collection<String> trustedProxies) {
		if (perClient == null || perAddress == null || trustedProxies == null) {
			throw new IllegalArgumentException("perClient, perAddress and trustedProxies cannot be null");
		}
		if (federationPerAddress == null) {
			throw new IllegalArgumentException("federationPerAddress cannot be null");
		}
		if (isFederation == null) {
			throw new IllegalArgumentException("isFederation cannot be null");
		}
		this.perClient = perClient;
		this.perAddress = perAddress;
		this.federationPerAddress = federationPerAddress;
		this.isFederation = isFederation;
		this.trustedProxies = Set.copyOf(trustedProxies);
	}

	/**
	 * The endpoints that check client secrets: each is a place to guess them
	 * (introspection and revocation as much as the token endpoint).
	 */
	private static final String TOKEN_ENDPOINT = "/oauth2/token";

	private static final Set<String> CLIENT_AUTHENTICATED = Set.of(TOKEN_ENDPOINT, "/oauth2/introspect",
			"/oauth2/revoke");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !CLIENT_AUTHENTICATED.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = "address:" + callerAddress(request);
		String client = clientId(request).map((id) -> "client:" + id).orElse(null);
		Optional<Duration> wait = this.perAddress.retryAfter(address)
			.or(() -> (client != null) ? this.perClient.retryAfter(client) : Optional.empty());
		if (wait.isPresent()) {
			refuse(response, wait.get(), "failed client authentications");
			return;
		}
		boolean federation = TOKEN_ENDPOINT.equals(request.getRequestURI()) && this.isFederation.test(request);
		Optional<Duration> federationWait = federation ? this.federationPerAddress.retryAfter(address)
				: Optional.empty();
		if (federationWait.isPresent()) {
			refuse(response, federationWait.get(), "refused federation requests");
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			this.perAddress.failed(address);
			if (client != null) {
				this.perClient.failed(client);
			}
		}
		else if (federation && response.getStatus() == HttpStatus.BAD_REQUEST.value()) {
			this.federationPerAddress.failed(address);
		}
	}

	private static void refuse(HttpServletResponse response, Duration wait, String what) throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		log.info("Refused a token request: too many {}; retry in {} s", what, seconds);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(seconds));
		response.setHeader("Cache-Control", "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write("{\"error\":\"temporarily_unavailable\",\"error_description\":\"Too many " + what + "; retry after "
					+ seconds + " s\"}");
	}

	/**
	 * The socket's address, or the caller's as a trusted proxy (the gateway) names it.
	 */
	String callerAddress(HttpServletRequest request) {
		String relayed = request.getHeader(CLIENT_ADDRESS);
		return (relayed != null && !relayed.isBlank() && this.trustedProxies.contains(request.getRemoteAddr()))
				? relayed.strip() : request.getRemoteAddr();
	}

	/** The client id of HTTP Basic or of the form, without checking anything. */
	static Optional<String> clientId(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = pair.indexOf(':');
				if (colon > 0) {
					return Optional.of(URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8));
				}
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}
		String parameter = request.getParameter("client_id");
		return (parameter != null && !parameter.isBlank()) ? Optional.of(parameter) : Optional.empty();
	}

}
