package dev.lanyard.tokenbroker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Issues Lanyard's tokens and records every issuance in the audit trail first. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TokenBrokerApplication {

	public static void main(String[] args) {
		SpringApplication.run(TokenBrokerApplication.class, args);
	}

}
