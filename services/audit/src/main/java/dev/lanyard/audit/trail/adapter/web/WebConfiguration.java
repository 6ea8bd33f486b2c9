package dev.lanyard.audit.trail.adapter.web;

import java.util.stream.Collectors;

import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query API's collaborators. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	EventQueryParser eventQueryParser() {
		// Event types are the record names of the topics the trail reads.
		return new EventQueryParser(Topics.ALL.stream().map(Topic::schemaName).collect(Collectors.toSet()));
	}

}
