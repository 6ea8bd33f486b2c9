package dev.lanyard.launcher.kafka;

import java.util.ArrayList;
import java.util.List;

/**
 * The configuration files of a combined KRaft node (broker and controller), alone or one
 * of a cluster, plaintext or secured.
 */
final class KafkaConfiguration {

	private KafkaConfiguration() {
	}

	static String serverProperties(KafkaBrokerConfig config) {
		String controller = "127.0.0.1:" + config.controllerPort();
		int replicas = config.internalReplicationFactor();
		int minInsync = config.minInsyncReplicas();
		List<String> lines = new ArrayList<>(List.of("# written by the Lanyard launcher at every start",
				"process.roles=broker,controller", "node.id=" + config.nodeId(),
				// a cluster: a static quorum of every node (formatted without a flag)
				config.clustered() ? "controller.quorum.voters=" + config.voters()
						: "controller.quorum.bootstrap.servers=" + controller,
				"controller.listener.names=CONTROLLER", "log.dirs=" + config.dataDirectory(),
				"offsets.topic.replication.factor=" + replicas, "transaction.state.log.replication.factor=" + replicas,
				"transaction.state.log.min.isr=" + minInsync,
				"share.coordinator.state.topic.replication.factor=" + replicas,
				"share.coordinator.state.topic.min.isr=" + minInsync, "min.insync.replicas=" + minInsync,
				"default.replication.factor=" + replicas, "auto.create.topics.enable=false", "num.partitions=3",
				"group.initial.rebalance.delay.ms=0", "log.segment.bytes=16777216", "log.retention.hours=168"));
		if (config.clustered()) {
			// a killed node is fenced (its partitions led elsewhere) 6 s after its last
			// heartbeat, not Kafka's 9 s: fewer requests outlive their 5 s ack timeout
			lines.addAll(List.of("broker.heartbeat.interval.ms=1000", "broker.session.timeout.ms=6000",
					// the compaction buffer is heap, 128 MB by default: half of a node's
					// 256 MB; the compacted snapshot topics here are small
					"log.cleaner.dedupe.buffer.size=33554432"));
		}
		lines.addAll(config.secured() ? secured(config) : plaintext(config));
		lines.add("");
		return String.join(System.lineSeparator(), lines);
	}

	private static List<String> plaintext(KafkaBrokerConfig config) {
		String controller = "127.0.0.1:" + config.controllerPort();
		return List.of("listeners=PLAINTEXT://127.0.0.1:" + config.port() + ",CONTROLLER://" + controller,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + config.port(), "inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
	}

	/**
	 * Clients authenticate on {@code CLIENT}: services with SCRAM-SHA-512 (users the
	 * launcher creates through the Admin API), the administrator with PLAIN. SCRAM users
	 * live in the cluster metadata, which the controller must read before it could check
	 * one, so the broker itself and its controller sign in as the administrator with
	 * PLAIN, whose only user is in this file. {@code StandardAuthorizer} denies what no
	 * ACL allows; the administrator is the one super user.
	 */
	private static List<String> secured(KafkaBrokerConfig config) {
		String controller = "127.0.0.1:" + config.controllerPort();
		String plain = KafkaClientSecurity.jaas("org.apache.kafka.common.security.plain.PlainLoginModule",
				KafkaCredentials.ADMIN, config.adminPassword());
		// the users this broker accepts with PLAIN: the administrator only
		String plainUsers = plain.substring(0, plain.length() - 1) + " user_" + KafkaCredentials.ADMIN + "=\""
				+ config.adminPassword() + "\";";
		return List.of("listeners=CLIENT://127.0.0.1:" + config.port() + ",CONTROLLER://" + controller,
				"advertised.listeners=CLIENT://127.0.0.1:" + config.port(), "inter.broker.listener.name=CLIENT",
				"listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
				"sasl.mechanism.inter.broker.protocol=PLAIN", "sasl.mechanism.controller.protocol=PLAIN",
				"listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN",
				"listener.name.client.plain.sasl.jaas.config=" + plainUsers,
				"listener.name.client.scram-sha-512.sasl.jaas.config="
						+ "org.apache.kafka.common.security.scram.ScramLoginModule required;",
				"listener.name.controller.sasl.enabled.mechanisms=PLAIN",
				"listener.name.controller.plain.sasl.jaas.config=" + plainUsers,
				"authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
				"allow.everyone.if.no.acl.found=false", "super.users=User:" + KafkaCredentials.ADMIN);
	}

	static String log4jProperties() {
		// to standard output, which the launcher appends to the component's log file
		return String.join("\n", "status = warn", "appender.out.type = Console", "appender.out.name = out",
				"appender.out.layout.type = PatternLayout", "appender.out.layout.pattern = [%d] %p %m (%c)%n",
				"rootLogger.level = info", "rootLogger.appenderRef.out.ref = out", "logger.kafka.name = kafka",
				"logger.kafka.level = info", "logger.state.name = state.change.logger", "logger.state.level = warn",
				"logger.request.name = kafka.request.logger", "logger.request.level = warn", "");
	}

}
