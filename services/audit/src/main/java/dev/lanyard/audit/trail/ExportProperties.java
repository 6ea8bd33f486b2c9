package dev.lanyard.audit.trail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How exports read the trail, validated at start-up.
 *
 * @param fetchSize rows read from PostgreSQL per round trip while streaming an export
 * (key {@code lanyard.audit.export.fetch-size}); an export's memory is bounded by it,
 * whatever the number of rows
 * @param maxConcurrent exports, bundles and full checks running at once (key
 * {@code lanyard.audit.export.max-concurrent}); each holds a database connection of the
 * pool that also stores events, so keep it well under the pool's size
 */
@ConfigurationProperties("lanyard.audit.export")
public record ExportProperties(@DefaultValue("500") int fetchSize, @DefaultValue("2") int maxConcurrent) {

	public ExportProperties {
		if (fetchSize < 1 || fetchSize > 10_000) {
			throw new IllegalArgumentException("lanyard.audit.export.fetch-size must be between 1 and 10000");
		}
		if (maxConcurrent < 1 || maxConcurrent > 64) {
			throw new IllegalArgumentException("lanyard.audit.export.max-concurrent must be between 1 and 64");
		}
	}

}
