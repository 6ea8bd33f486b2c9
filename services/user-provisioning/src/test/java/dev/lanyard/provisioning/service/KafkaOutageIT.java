package dev.lanyard.provisioning.service;

import dev.lanyard.launcher.Infrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** No change without its events: with Kafka gone, an admin change is refused. */
class KafkaOutageIT extends ServiceTestSupport {

	@Test
	void createWhenKafkaStoppedThen503AndNothingStoredThenWorksAfterRestart() {
		Infrastructure infrastructure = Infrastructure.shared();
		String uniqueId = unique("outage-");
		infrastructure.stopKafka();
		try {
			long started = System.nanoTime();
			Response refused = admin("POST", "/api/admin/users", "{\"uniqueId\":\"" + uniqueId
					+ "\",\"issuer\":\"https://idp.example.com\",\"username\":\"" + unique("outage") + "\"}");
			long tookMillis = (System.nanoTime() - started) / 1_000_000;

			assertThat(refused.status()).as(refused.body()).isEqualTo(503);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(tookMillis).isLessThan(ACK_TIMEOUT.toMillis() + 3000);
			assertThat(
					this.jdbc.queryForObject("SELECT count(*) FROM users WHERE unique_id = ?", Integer.class, uniqueId))
				.isZero();
		}
		finally {
			infrastructure.startKafka();
		}
		long deadline = System.nanoTime() + EVENTUALLY.toNanos();
		Response created;
		do {
			created = admin("POST", "/api/admin/users", "{\"uniqueId\":\"" + uniqueId
					+ "\",\"issuer\":\"https://idp.example.com\",\"username\":\"" + unique("outage") + "\"}");
		}
		while (created.status() == 503 && System.nanoTime() < deadline);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

}
