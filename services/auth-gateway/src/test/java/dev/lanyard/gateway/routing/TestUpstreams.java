package dev.lanyard.gateway.routing;

import java.net.URI;

/** Upstream settings for tests. */
public final class TestUpstreams {

	private TestUpstreams() {
	}

	public static UpstreamProperties local() {
		return new UpstreamProperties(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8082"),
				URI.create("http://127.0.0.1:8083"), URI.create("http://127.0.0.1:8084"));
	}

}
