package dev.lanyard.tokenbroker.issuance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identical credential denials within
 * {@code lanyard.token-broker.denial-aggregation-window} are recorded once, then summed
 * up in one summary record (see {@code AggregatingDenialRecorder}).
 *
 * @param denialAggregationWindow the window (1 s … 1 h)
 */
@ConfigurationProperties("lanyard.token-broker")
public record DenialAggregationProperties(@DefaultValue("PT1M") Duration denialAggregationWindow) {

	public DenialAggregationProperties {
		if (denialAggregationWindow == null || denialAggregationWindow.toSeconds() < 1
				|| denialAggregationWindow.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException(
					"lanyard.token-broker.denial-aggregation-window must lie between 1 s and 1 h");
		}
	}

}
