package dev.lanyard.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up when the Kafka cluster answers a describe-cluster call within the timeout. */
public final class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

	private final AdminClient admin;

	private final Duration timeout;

	public KafkaHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
		if (adminProperties == null) {
			throw new IllegalArgumentException("adminProperties cannot be null");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		this.admin = AdminClient.create(adminProperties);
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = this.admin
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		int nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up()
			.withDetail("clusterId", cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS))
			.withDetail("brokers", nodes);
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(1));
	}

}
