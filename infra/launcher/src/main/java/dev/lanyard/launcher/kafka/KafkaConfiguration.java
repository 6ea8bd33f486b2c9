package dev.lanyard.launcher.kafka;

/** The configuration files of a single combined KRaft node. */
final class KafkaConfiguration {

	private KafkaConfiguration() {
	}

	static String serverProperties(KafkaBrokerConfig config) {
		String controller = "127.0.0.1:" + config.controllerPort();
		return String
			.join("\n", "# written by the Lanyard launcher at every start", "process.roles=broker,controller",
					"node.id=1", "controller.quorum.bootstrap.servers=" + controller,
					"listeners=PLAINTEXT://127.0.0.1:" + config.port() + ",CONTROLLER://" + controller,
					"advertised.listeners=PLAINTEXT://127.0.0.1:" + config.port(),
					"controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
					"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
					"log.dirs=" + config.dataDirectory(),
					// one node: every internal topic has a single replica
					"offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
					"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
					"share.coordinator.state.topic.min.isr=1", "min.insync.replicas=1", "default.replication.factor=1",
					"auto.create.topics.enable=false", "num.partitions=3", "group.initial.rebalance.delay.ms=0",
					"log.segment.bytes=16777216", "log.retention.hours=168", "")
			.replace("\n", System.lineSeparator());
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
