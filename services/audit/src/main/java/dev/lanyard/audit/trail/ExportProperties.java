package dev.lanyard.audit.trail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How exports read the trail, validated at start-up.
 *
 * @param fetchSize rows read from PostgreSQL per round trip while streaming an export
 * (key {@code lanyard.audit.export.fetch-size}); an export's memory is bounded by it,
 * whatever the number of rows
 */
@ConfigurationProperties("lanyard.audit.export")
public record ExportProperties(@DefaultValue("500") int fetchSize) {

	public ExportProperties {
		if (fetchSize < 1 || fetchSize > 10_000) {
			throw new IllegalArgumentException("lanyard.audit.export.fetch-size must be between 1 and 10000");
		}
	}

}
