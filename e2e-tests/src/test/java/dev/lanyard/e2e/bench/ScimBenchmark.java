package dev.lanyard.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.settings.LauncherSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An identity provider's initial push through the gateway's {@code /scim/v2}, the way
 * Okta and Entra ID provision a new application: every user created one by one, then
 * every group with its members. Each change commits only after its events were
 * acknowledged by Kafka. Prints users/s, groups/s and the total time; asserts only that
 * every request worked and the directory holds what was pushed, never a speed.
 *
 * <p>
 * Run with {@code bin/lanyard bench scim}. Knobs: {@code bench.scim.users} (default
 * 10,000), {@code bench.scim.groups} (default 1,000; the users are spread over them),
 * {@code bench.scim.callers} (default 8, the parallel requests a provider's connector
 * sends), {@code bench.scim.seconds} (default 600, the bound of each phase).
 */
class ScimBenchmark {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void initialPush() throws Exception {
		int users = Integer.getInteger("bench.scim.users", 10_000);
		int groups = Integer.getInteger("bench.scim.groups", 1_000);
		int callers = Integer.getInteger("bench.scim.callers", 8);
		Duration bound = Duration.ofSeconds(Long.getLong("bench.scim.seconds", 600));
		String run = UUID.randomUUID().toString().substring(0, 6);
		try (Ensemble ensemble = Ensemble.startFresh(LauncherSettings.forTests(Path.of("target/lanyard-bench")))) {
			String gateway = ensemble.endpoints().gatewayUrl();
			Lanyard lanyard = new Lanyard(gateway);
			String admin = lanyard.token(ensemble.administrator());
			String secret = lanyard.ok(admin, "POST", "/api/admin/scim-clients", Map.of("name", "bench-" + run))
				.get("token")
				.asString();

			AtomicReferenceArray<String> userIds = new AtomicReferenceArray<>(users);
			AtomicInteger nextUser = new AtomicInteger();
			LoadRun.Result userPush = LoadRun.run("POST /scim/v2/Users", callers, users, bound, () -> {
				int i = nextUser.getAndIncrement();
				JsonNode created = post(gateway, secret, "/scim/v2/Users", user(run, i));
				userIds.set(i, created.get("id").asString());
			});
			AtomicInteger nextGroup = new AtomicInteger();
			LoadRun.Result groupPush = LoadRun.run("POST /scim/v2/Groups (with members)", callers, groups, bound,
					() -> {
						int g = nextGroup.getAndIncrement();
						List<Map<String, String>> members = new ArrayList<>();
						for (int i = g; i < users; i += groups) {
							String id = userIds.get(i);
							if (id != null) {
								members.add(Map.of("value", id));
							}
						}
						post(gateway, secret, "/scim/v2/Groups",
								Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"), "displayName",
										"bench-" + run + "-group-" + g, "externalId", "grp-" + run + "-" + g, "members",
										members));
					});

			Duration total = userPush.elapsed().plus(groupPush.elapsed());
			System.out.println();
			System.out.println("SCIM initial push through auth-gateway, events acked (acks=all) per change; "
					+ Runtime.getRuntime().availableProcessors() + " cores shared by load generator and ensemble");
			System.out.println(userPush);
			System.out.println(groupPush);
			System.out.printf("users: %d in %.1f s (%.0f users/s); groups: %d in %.1f s; total %.1f s%n", userPush.ok(),
					userPush.elapsed().toMillis() / 1000.0, userPush.perSecond(), groupPush.ok(),
					groupPush.elapsed().toMillis() / 1000.0, total.toMillis() / 1000.0);
			System.out.println();

			assertThat(userPush.failed()).as("failed user pushes").isZero();
			assertThat(groupPush.failed()).as("failed group pushes").isZero();
			// a sample of what was pushed reads back as pushed
			for (int i : new int[] { 0, users / 2, users - 1 }) {
				JsonNode user = get(gateway, secret, "/scim/v2/Users/" + userIds.get(i));
				assertThat(user.get("userName").asString()).isEqualToIgnoringCase("bench" + run + "u" + i);
			}
		}
	}

	private static Map<String, Object> user(String run, int i) {
		String userName = "bench" + run + "u" + i;
		return Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", userName,
				"externalId", "ext-" + run + "-" + i, "active", true, "name",
				Map.of("givenName", "Bench", "familyName", "User " + i), "emails",
				List.of(Map.of("type", "work", "primary", true, "value", userName + "@example.com")));
	}

	private JsonNode post(String gateway, String secret, String path, Object body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + secret)
			.header("Content-Type", "application/scim+json")
			.POST(HttpRequest.BodyPublishers.ofString(Lanyard.JSON.writeValueAsString(body)))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return Lanyard.JSON.readTree(response.body());
	}

	private JsonNode get(String gateway, String secret, String pathAndQuery) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + secret)
			.GET()
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Lanyard.JSON.readTree(response.body());
	}

}
