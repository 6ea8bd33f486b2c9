package dev.lanyard.gateway.routing;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * The instances of one service behind the gateway, taken in turn (round robin). An
 * instance that refused a connection is passed over for {@code downFor}, so a dead one
 * costs one failed connect per period, not one per request; when every instance is marked
 * down they are tried anyway. On one machine the launcher starts several token-broker
 * instances and this stands in for a Kubernetes Service in front of them.
 * <p>
 * Only a connection failure moves a request to the next instance: nothing of it reached
 * the first, so even a POST that issues a token is safe to send again. Once a request was
 * sent it is never sent again (a token may have been issued).
 */
public final class UpstreamInstances {

	/** Instances are remembered as bits of an int while one request tries them. */
	static final int MAX_INSTANCES = 32;

	private final URI[] urls;

	private final String[] baseUrls;

	private final long downForNanos;

	private final LongSupplier nanoClock;

	private final AtomicLongArray downUntil;

	private final AtomicInteger turn = new AtomicInteger();

	public UpstreamInstances(List<URI> urls, Duration downFor) {
		this(urls, downFor, System::nanoTime);
	}

	UpstreamInstances(List<URI> urls, Duration downFor, LongSupplier nanoClock) {
		if (urls == null || urls.isEmpty() || urls.stream().anyMatch(java.util.Objects::isNull)) {
			throw new IllegalArgumentException("urls cannot be empty or hold null");
		}
		if (urls.size() > MAX_INSTANCES) {
			throw new IllegalArgumentException("urls cannot name more than " + MAX_INSTANCES + " instances");
		}
		if (downFor == null || downFor.isNegative()) {
			throw new IllegalArgumentException("downFor cannot be null or negative");
		}
		if (nanoClock == null) {
			throw new IllegalArgumentException("nanoClock cannot be null");
		}
		this.urls = urls.toArray(URI[]::new);
		this.baseUrls = urls.stream().map(UpstreamInstances::withoutTrailingSlash).toArray(String[]::new);
		this.downForNanos = downFor.toNanos();
		this.nanoClock = nanoClock;
		this.downUntil = new AtomicLongArray(this.urls.length);
	}

	public int size() {
		return this.urls.length;
	}

	public URI url(int instance) {
		return this.urls[instance];
	}

	/** The instance's URL as a string without a trailing slash, to put a path after. */
	public String baseUrl(int instance) {
		return this.baseUrls[instance];
	}

	/**
	 * The instance to send the next request to: the next in turn that is not marked down,
	 * or the next in turn when all are.
	 */
	public int pick() {
		int size = this.urls.length;
		if (size == 1) {
			return 0;
		}
		int first = Math.floorMod(this.turn.getAndIncrement(), size);
		long now = this.nanoClock.getAsLong();
		for (int step = 0; step < size; step++) {
			int instance = (first + step) % size;
			if (up(instance, now)) {
				return instance;
			}
		}
		return first;
	}

	/**
	 * The instance to try after a connection failure, or -1 when every one was tried: one
	 * not tried yet and not marked down, else one not tried yet (it may be back).
	 * @param tried the instances tried so far, bit {@code i} for instance {@code i}
	 */
	public int next(int tried) {
		long now = this.nanoClock.getAsLong();
		int untried = -1;
		for (int instance = 0; instance < this.urls.length; instance++) {
			if ((tried & (1 << instance)) == 0) {
				if (up(instance, now)) {
					return instance;
				}
				if (untried < 0) {
					untried = instance;
				}
			}
		}
		return untried;
	}

	/** Passes an instance over for a while: it refused a connection. */
	public void markDown(int instance) {
		this.downUntil.set(instance, this.nanoClock.getAsLong() + this.downForNanos);
	}

	/**
	 * Sends with {@code send} to the instance {@link #pick()} chooses; while an instance
	 * refuses the connection (nothing was sent), marks it down and sends to the next
	 * untried one. Any other failure, or the last refusal, goes to the caller.
	 * @param send what sends the request to instance {@code i}
	 */
	public <T> Mono<T> sendWithFailover(IntFunction<Mono<T>> send) {
		return sendFrom(send, pick(), 0);
	}

	// tried: the instances tried before, bit i for instance i
	private <T> Mono<T> sendFrom(IntFunction<Mono<T>> send, int instance, int tried) {
		Mono<T> answer = send.apply(instance);
		if (size() == 1) {
			return answer;
		}
		return answer.onErrorResume(UpstreamInstances::connectFailure, (ex) -> {
			markDown(instance);
			int triedNow = tried | (1 << instance);
			int following = next(triedNow);
			return (following < 0) ? Mono.error(ex) : sendFrom(send, following, triedNow);
		});
	}

	/**
	 * Whether a failure happened while connecting, before anything was sent: refused,
	 * timed out or unroutable (Reactor Netty's exceptions extend these; WebClient wraps
	 * them, hence the causes).
	 */
	public static boolean connectFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

	private boolean up(int instance, long now) {
		long until = this.downUntil.get(instance);
		return until == 0 || now - until >= 0;
	}

	private static String withoutTrailingSlash(URI url) {
		String text = url.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	@Override
	public String toString() {
		return List.of(this.urls).toString();
	}

}
