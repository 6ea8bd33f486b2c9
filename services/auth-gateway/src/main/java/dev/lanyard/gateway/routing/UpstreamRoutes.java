package dev.lanyard.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The route table ({@link UpstreamRoute#table}) with its path patterns parsed once, in
 * the order they are tried.
 */
public final class UpstreamRoutes {

	private final List<Match> matches;

	public UpstreamRoutes(UpstreamProperties upstreams) {
		this(upstreams, UpstreamRoute.INSTANCE_DOWN_FOR);
	}

	public UpstreamRoutes(UpstreamProperties upstreams, Duration instanceDownFor) {
		if (upstreams == null) {
			throw new IllegalArgumentException("upstreams cannot be null");
		}
		this.matches = UpstreamRoute.table(upstreams, instanceDownFor)
			.stream()
			.map((route) -> new Match(route,
					route.paths().stream().map(PathPatternParser.defaultInstance::parse).toList()))
			.toList();
	}

	List<Match> matches() {
		return this.matches;
	}

	/**
	 * Whether a raw (still encoded) request path is plain enough to route: no dot segment
	 * and no encoded slash, backslash or dot, any of which a service could resolve to a
	 * path other than the one matched here.
	 */
	static boolean plainPath(String rawPath) {
		if (rawPath.indexOf('\\') >= 0) {
			return false;
		}
		if (rawPath.indexOf('%') >= 0) {
			String lower = rawPath.toLowerCase(Locale.ROOT);
			if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e")) {
				return false;
			}
		}
		if (!rawPath.contains("/.")) {
			return true;
		}
		for (String segment : rawPath.split("/", -1)) {
			if (segment.equals(".") || segment.equals("..")) {
				return false;
			}
		}
		return true;
	}

	/** One route and its parsed path patterns. */
	record Match(UpstreamRoute route, List<PathPattern> patterns) {

		boolean matches(PathContainer path) {
			for (PathPattern pattern : this.patterns) {
				if (pattern.matches(path)) {
					return true;
				}
			}
			return false;
		}

	}

}
