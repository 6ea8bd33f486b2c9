package dev.lanyard.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The audit service: consumes every Lanyard event, stores each once, answers auditors.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuditApplication {

	public static void main(String[] args) {
		SpringApplication.run(AuditApplication.class, args);
	}

}
