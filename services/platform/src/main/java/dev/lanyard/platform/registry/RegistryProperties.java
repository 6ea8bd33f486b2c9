package dev.lanyard.platform.registry;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the schema registry is and how the serdes use it.
 *
 * @param url base URL of Apicurio Registry, e.g. {@code http://127.0.0.1:8085} (key
 * {@code lanyard.registry.url})
 * @param autoRegister whether serializers register schemas they do not find; off in
 * production, where schemas are registered from {@code schemas/} by the launcher or
 * deployment
 */
@ConfigurationProperties("lanyard.registry")
public record RegistryProperties(URI url, @DefaultValue("false") boolean autoRegister) {

	public RegistryProperties {
		if (url == null) {
			throw new IllegalArgumentException("lanyard.registry.url must be set (base URL of Apicurio Registry)");
		}
		if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
			throw new IllegalArgumentException("lanyard.registry.url must be an http or https URL: " + url);
		}
	}

	/** The registry's v3 REST API, which the Apicurio serdes talk to. */
	public String apiUrl() {
		return stripSlash(this.url.toString()) + "/apis/registry/v3";
	}

	/** The Confluent-compatible API. */
	public String ccompatUrl() {
		return stripSlash(this.url.toString()) + "/apis/ccompat/v7";
	}

	private static String stripSlash(String s) {
		return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
	}

}
