package dev.lanyard.integrations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Keeps Lanyard's OAuth integrations, their templates and which content may use them. */
@SpringBootApplication
public class IntegrationRegistryApplication {

	public static void main(String[] args) {
		SpringApplication.run(IntegrationRegistryApplication.class, args);
	}

}
