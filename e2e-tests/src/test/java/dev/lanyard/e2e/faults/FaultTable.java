package dev.lanyard.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one fault test, printed as a two-column table in the test's output. */
final class FaultTable {

	private final String title;

	private final Map<String, String> rows = new LinkedHashMap<>();

	FaultTable(String title) {
		this.title = title;
	}

	FaultTable row(String name, Object value) {
		this.rows.put(name, String.valueOf(value));
		return this;
	}

	/** The load's outcomes and the trail's figures after the fault. */
	FaultTable outcomes(IssuanceLoad.Outcomes outcomes, TrailCheck.Result trail) {
		return row("requests", outcomes.requests()).row("answered (credential)", outcomes.answered())
			.row("refused 503 temporarily_unavailable", outcomes.refused503())
			.row("other answers", outcomes.other())
			.row("answered with a TokenIssued record", trail.recorded())
			.row("doubled records", trail.doubled())
			.row("records without an answered credential", trail.recordedNotAnswered())
			.row("events stored meanwhile", trail.storedGrowth())
			.row("leaves added to the log", trail.ledgerGrowth())
			.row("store / log at the end", trail.after().stored() + " / " + trail.after().treeSize())
			.row("verify/full", trail.verdict());
	}

	void print() {
		int width = this.rows.keySet().stream().mapToInt(String::length).max().orElse(0);
		StringBuilder table = new StringBuilder("\n== ").append(this.title).append(" ==\n");
		this.rows.forEach((name, value) -> table.append(String.format("  %-" + width + "s  %s%n", name, value)));
		System.out.print(table);
	}

	@Override
	public String toString() {
		return this.title + " " + this.rows;
	}

	static String seconds(Instant from, Instant to) {
		return String.format("%.1f s", Duration.between(from, to).toMillis() / 1000.0);
	}

}
