package dev.lanyard.e2e.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.lanyard.launcher.process.JavaCommand;
import dev.lanyard.launcher.service.ServiceProcess;

/**
 * The ceiling ES256 signing alone sets on this machine: closed-loop callers that each
 * sign one JWT shaped like a content session token (Nimbus, P-256) in a JVM of its own
 * started with the settings token-broker runs with (heap, serial collector, seed source).
 * No HTTP, no client authentication, no audit event: what is left of an issuance's CPU
 * when everything else is free. Prints the run's line and the signing JVM's CPU per
 * signature.
 */
final class SigningCeiling {

	private static final String RESULT = "signing-ceiling ";

	private SigningCeiling() {
	}

	/**
	 * Runs the ceiling in a child JVM and returns its two lines (the run, its CPU).
	 * @param callers concurrent signers
	 * @param duration how long
	 */
	static List<String> measure(int callers, Duration duration) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(JavaCommand.javaExecutable().toString());
		// as the launcher starts token-broker (ServiceProcess, a service on the hot path)
		command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
				"-Djava.security.egd=" + ServiceProcess.SEED_SOURCE));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), SigningCeiling.class.getName(),
				Integer.toString(callers), Long.toString(duration.toMillis())));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith(RESULT)) {
					lines.add(line.substring(RESULT.length()));
				}
			}
		}
		if (!process.waitFor(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS) || process.exitValue() != 0
				|| lines.size() != 2) {
			process.destroy();
			throw new IllegalStateException("the signing ceiling's JVM failed: " + lines);
		}
		return lines;
	}

	/** In the child JVM: warm up, then sign for the given time and print two lines. */
	public static void main(String[] args) throws Exception {
		int callers = Integer.parseInt(args[0]);
		Duration duration = Duration.ofMillis(Long.parseLong(args[1]));
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
		ECDSASigner signer = new ECDSASigner(key);
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
			.type(new JOSEObjectType("at+jwt"))
			.build();
		LoadRun.Call sign = () -> {
			Instant now = Instant.now();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://127.0.0.1:8080")
				.subject("content-0123456789")
				.audience("lanyard")
				.issueTime(Date.from(now))
				.notBeforeTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(900)))
				.jwtID(UUID.randomUUID().toString())
				.claim("scope", List.of("content"))
				.claim("client_id", "content-0123456789")
				.build();
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(signer);
			if (jwt.serialize().isEmpty()) {
				throw new IllegalStateException("empty JWT");
			}
		};
		LoadRun.run("ES256 signing alone (warm-up)", callers, 2_000_000, Duration.ofSeconds(5), sign);
		long cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
		LoadRun.Result result = LoadRun.run("ES256 signing alone (ceiling)", callers, 2_000_000, duration, sign);
		long cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() - cpuBefore;
		System.out.println(RESULT + result);
		System.out.println(RESULT + String.format("    CPU ms per operation: signing JVM %.3f (%.2f cores busy)",
				cpu / 1e6 / Math.max(1, result.ok()), cpu / 1e9 / (result.elapsed().toNanos() / 1e9)));
	}

}
