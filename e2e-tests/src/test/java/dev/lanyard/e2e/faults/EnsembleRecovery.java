package dev.lanyard.e2e.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.lanyard.e2e.support.Browser;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.service.HealthProbe;
import dev.lanyard.launcher.service.LanyardService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.common.GroupState;

/**
 * Waits until the shared ensemble serves the test classes after this one again: every
 * service healthy, no consumer group of theirs rebalancing, and sign-ins answered
 * (user-provisioning's consumer has its partitions back after Kafka's restart).
 */
final class EnsembleRecovery {

	private EnsembleRecovery() {
	}

	static void await(Ensemble ensemble, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (LanyardService service : ensemble.settings().services()) {
			String url = ensemble.endpoints().serviceUrl(service);
			while (!HealthProbe.up(url)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(service.serviceName() + " is not healthy " + timeout
							+ " after the fault: " + HealthProbe.status(url));
				}
				Thread.sleep(500);
			}
		}
		awaitGroupsSettled(ensemble.endpoints().kafkaClientProperties(), deadline, timeout);
		// a sign-in without a username or email is refused by user-provisioning (403): an
		// answer proves it reads sign-ins again, and leaves no user behind
		Browser browser = new Browser(ensemble.endpoints().gatewayUrl());
		int status = browser.signIn("dev", "fault-recovery-" + UUID.randomUUID(), Map.of()).statusCode();
		while (status == 503) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("No sign-in answered " + timeout + " after the fault");
			}
			Thread.sleep(500);
			status = browser.signIn("dev", "fault-recovery-" + UUID.randomUUID(), Map.of()).statusCode();
		}
	}

	private static void awaitGroupsSettled(Map<String, Object> kafka, long deadline, Duration timeout)
			throws Exception {
		try (Admin admin = Admin.create(kafka)) {
			while (true) {
				List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups())
					.all()
					.get(10, TimeUnit.SECONDS)
					.stream()
					.map(GroupListing::groupId)
					.toList();
				List<String> unsettled = admin.describeConsumerGroups(groups)
					.all()
					.get(10, TimeUnit.SECONDS)
					.values()
					.stream()
					.filter((group) -> group.groupState() != GroupState.STABLE
							&& group.groupState() != GroupState.EMPTY)
					.map((group) -> group.groupId() + " " + group.groupState())
					.toList();
				if (unsettled.isEmpty()) {
					return;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"Consumer groups still rebalancing " + timeout + " after the fault: " + unsettled);
				}
				Thread.sleep(500);
			}
		}
	}

}
