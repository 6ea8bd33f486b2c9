package dev.lanyard.provisioning.config;

import java.net.URI;
import java.time.Duration;

/** Guards shared by the settings records; each message names the key. */
final class Settings {

	private Settings() {
	}

	static void requireHttpUrl(URI url, String key) {
		if (url == null) {
			throw new IllegalArgumentException(key + " must be set");
		}
		if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
			throw new IllegalArgumentException(key + " must be an absolute http or https URL: " + url);
		}
	}

	static void requireBetween(Duration duration, Duration min, Duration max, String key) {
		if (duration == null || duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
			throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + duration);
		}
	}

}
