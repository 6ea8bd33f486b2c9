package dev.lanyard.e2e.support;

import java.nio.file.Path;

import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.settings.LauncherSettings;

/**
 * One ensemble for every end-to-end test class of the run, started with the launcher's
 * own code on the first use and stopped when the test JVM exits. Starting it takes a
 * minute or two on two cores, so classes share it instead of starting their own.
 */
public final class SharedEnsemble {

	private static Ensemble ensemble;

	private SharedEnsemble() {
	}

	public static synchronized Ensemble get() {
		if (ensemble == null) {
			// The development provider's access tokens live an hour; treating them as due
			// for refresh 10 s after issue lets a test see a viewer token refreshed.
			Ensemble started = Ensemble.startFresh(LauncherSettings.forTests(Path.of("target/lanyard-e2e"))
				.withServiceEnvironment("LANYARD_TOKEN_BROKER_EXTERNAL_TOKEN_REFRESH_BEFORE_EXPIRY", "PT3590S"));
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-ensemble-stop"));
			ensemble = started;
		}
		return ensemble;
	}

}
