package dev.lanyard.tokenbroker;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Issues Lanyard's tokens and records every issuance in the audit trail first. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TokenBrokerApplication {

	public static void main(String[] args) {
		SpringApplication.run(TokenBrokerApplication.class, args);
	}

	/** The one clock every feature reads time from (tests replace it). */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
