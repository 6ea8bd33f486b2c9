package dev.lanyard.e2e.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.service.LanyardService;
import dev.lanyard.launcher.service.ServiceEnvironment;
import dev.lanyard.launcher.settings.Endpoints;
import dev.lanyard.launcher.settings.LauncherSettings;

/**
 * One ensemble for every end-to-end test class of the run, started with the launcher's
 * own code on the first use and stopped when the test JVM exits. Starting it takes a
 * minute or two on two cores, so classes share it instead of starting their own.
 */
public final class SharedEnsemble {

	/**
	 * Name of the sign-in provider set up like Entra ID, at the development provider's
	 * issuer of the same name.
	 */
	public static final String ENTRA_LIKE = "entralike";

	/** A provider that lets in only verified addresses of example.com. */
	public static final String STRICT = "strict";

	/** The audience delegated tokens may be issued for (token-broker's setting). */
	/** The delegation audience the launcher configures. */
	public static final String DELEGATION_AUDIENCE = ServiceEnvironment.DELEGATION_AUDIENCE;

	private static Ensemble ensemble;

	private SharedEnsemble() {
	}

	/**
	 * Restarts user-provisioning with these settings (none: its defaults) and waits,
	 * bounded, until it answers sign-ins again: its HTTP health comes up before its
	 * consumer of UserLoggedIn has its partitions back, and a sign-in in between times
	 * out (503).
	 */
	public static void restartProvisioning(Map<String, String> settings) throws Exception {
		Ensemble ensemble = get();
		ensemble.restartService(LanyardService.USER_PROVISIONING.serviceName(), settings);
		String gateway = ensemble.endpoints().gatewayUrl();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		// a sign-in without a username or email is refused by user-provisioning (403), so
		// an answer proves it reads sign-ins again and leaves no user behind
		int status;
		do {
			status = new Browser(gateway).signIn("dev", "warm-up-" + UUID.randomUUID(), Map.of()).statusCode();
		}
		while (status == 503 && System.nanoTime() < deadline);
		if (status == 503) {
			throw new IllegalStateException("user-provisioning answers no sign-in 90 s after its restart: " + status);
		}
	}

	public static synchronized Ensemble get() {
		if (ensemble == null) {
			LauncherSettings settings = LauncherSettings.forTests(Path.of("target/lanyard-e2e"));
			String entraIssuer = new Endpoints(settings).oidcUrl() + "/" + ENTRA_LIKE;
			// The development provider's access tokens live an hour; treating them as due
			// for refresh 10 s after issue lets a test see a viewer token refreshed.
			Ensemble started = Ensemble.startFresh(settings
				.withServiceEnvironment("LANYARD_TOKEN_BROKER_EXTERNAL_TOKEN_REFRESH_BEFORE_EXPIRY", "PT3590S")
				// a second sign-in provider set up the way Entra ID is: the object id
				// (oid) is the unique id, and the UPN in preferred_username is no
				// username, so usernames derive from the email
				.withServiceEnvironment("LANYARD_GATEWAY_SIGNIN_PROVIDERS_ENTRALIKE_ISSUER", entraIssuer)
				.withServiceEnvironment("LANYARD_GATEWAY_SIGNIN_PROVIDERS_ENTRALIKE_CLIENTID", "lanyard-entra")
				.withServiceEnvironment("LANYARD_GATEWAY_SIGNIN_PROVIDERS_ENTRALIKE_CLIENTSECRET",
						UUID.randomUUID().toString())
				.withServiceEnvironment("LANYARD_GATEWAY_SIGNIN_PROVIDERS_ENTRALIKE_CLAIMS_UNIQUEID", "oid")
				.withServiceEnvironment("LANYARD_GATEWAY_SIGNIN_PROVIDERS_ENTRALIKE_CLAIMS_USERNAME", "")
				.withServiceEnvironment("LANYARD_GATEWAY_SIGNIN_PROVIDERS_STRICT_ISSUER",
						new Endpoints(settings).oidcUrl() + "/" + STRICT)
				.withServiceEnvironment("LANYARD_GATEWAY_SIGNIN_PROVIDERS_STRICT_CLIENTID", "lanyard-strict")
				.withServiceEnvironment("LANYARD_GATEWAY_SIGNIN_PROVIDERS_STRICT_CLIENTSECRET",
						UUID.randomUUID().toString())
				.withServiceEnvironment("LANYARD_GATEWAY_SIGNIN_PROVIDERS_STRICT_ALLOWEDDOMAINS", "example.com"));
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-ensemble-stop"));
			ensemble = started;
		}
		return ensemble;
	}

}
