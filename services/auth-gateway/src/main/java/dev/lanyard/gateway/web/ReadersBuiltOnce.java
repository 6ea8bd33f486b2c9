package dev.lanyard.gateway.web;

import java.util.List;

import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * The server's codecs with their readers built once. WebFlux creates each request's
 * exchange with a form-data reader looked up in {@link #getReaders()}, which builds every
 * reader anew each call; for a form POST (every {@code /oauth2/token} request the gateway
 * proxies) that was about a twelfth of the gateway's CPU per request. The codecs are
 * configured before the first request and not changed afterwards, so the first list built
 * serves every later one.
 */
final class ReadersBuiltOnce implements ServerCodecConfigurer {

	private final ServerCodecConfigurer codecs;

	private volatile List<HttpMessageReader<?>> readers;

	ReadersBuiltOnce(ServerCodecConfigurer codecs) {
		if (codecs == null) {
			throw new IllegalArgumentException("codecs cannot be null");
		}
		this.codecs = codecs;
	}

	@Override
	public List<HttpMessageReader<?>> getReaders() {
		List<HttpMessageReader<?>> built = this.readers;
		if (built == null) {
			built = List.copyOf(this.codecs.getReaders());
			this.readers = built;
		}
		return built;
	}

	@Override
	public List<HttpMessageWriter<?>> getWriters() {
		return this.codecs.getWriters();
	}

	@Override
	public ServerDefaultCodecs defaultCodecs() {
		return this.codecs.defaultCodecs();
	}

	@Override
	public CustomCodecs customCodecs() {
		return this.codecs.customCodecs();
	}

	@Override
	public void registerDefaults(boolean registerDefaults) {
		this.codecs.registerDefaults(registerDefaults);
	}

	@Override
	public ServerCodecConfigurer clone() {
		return new ReadersBuiltOnce(this.codecs.clone());
	}

}
