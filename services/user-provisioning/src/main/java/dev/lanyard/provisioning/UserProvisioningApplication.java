package dev.lanyard.provisioning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The single writer of Lanyard's users, groups and memberships. */
@SpringBootApplication
public class UserProvisioningApplication {

	public static void main(String[] args) {
		SpringApplication.run(UserProvisioningApplication.class, args);
	}

}
