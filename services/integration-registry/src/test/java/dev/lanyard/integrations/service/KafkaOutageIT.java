package dev.lanyard.integrations.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.launcher.Infrastructure;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change whose snapshot Kafka cannot acknowledge is refused with 503 and changes
 * nothing.
 */
class KafkaOutageIT extends ServiceTestSupport {

	@Test
	@Order(1)
	void changesWhenKafkaStoppedThen503AndNothingChangedThenWorkAgainAfterRestart() throws Exception {
		Infrastructure infrastructure = Infrastructure.shared();
		String name = "Outage " + UUID.randomUUID();
		Response created = post("/api/integrations", adminToken(), serviceAccount(name, secret()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.node().get("id").asString();
		int before = count();

		infrastructure.stopKafka();
		try {
			long started = System.nanoTime();
			Response refused = post("/api/integrations", adminToken(), serviceAccount("Refused " + name, secret()));
			assertThat(refused.status()).as(refused.body()).isEqualTo(503);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

			Map<String, Object> renamed = new LinkedHashMap<>(serviceAccount("Renamed " + name, null));
			renamed.remove("clientSecret");
			assertThat(put("/api/integrations/" + id, adminToken(), renamed).status()).isEqualTo(503);
			assertThat(put("/api/integrations/" + id + "/client-secret", adminToken(), Map.of("clientSecret", secret()))
				.status()).isEqualTo(503);
			assertThat(put("/api/integrations/" + id + "/content/c-outage", adminToken(), "").status()).isEqualTo(503);
			assertThat(delete("/api/integrations/" + id, adminToken()).status()).isEqualTo(503);

			assertThat(count()).isEqualTo(before);
			Response unchanged = get("/api/integrations/" + id, adminToken());
			assertThat(unchanged.status()).isEqualTo(200);
			assertThat(unchanged.node().get("name").asString()).isEqualTo(name);
			assertThat(unchanged.node().get("version").asLong()).isEqualTo(1);
			assertThat(unchanged.node().get("secretVersion").asLong()).isEqualTo(1);
			assertThat(unchanged.node().get("contentIds")).isEmpty();
		}
		finally {
			infrastructure.startKafka();
		}

		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		Response again;
		do {
			again = post("/api/integrations", adminToken(),
					serviceAccount("After " + name + " " + UUID.randomUUID(), secret()));
			if (again.status() != 201) {
				assertThat(again.status()).as(again.body()).isEqualTo(503);
				Thread.sleep(500);
			}
		}
		while (again.status() != 201 && System.nanoTime() < deadline);
		assertThat(again.status()).as("changes are accepted again after Kafka restarts").isEqualTo(201);
	}

	private int count() {
		return this.jdbc.queryForObject("select count(*) from integration", Integer.class);
	}

}
