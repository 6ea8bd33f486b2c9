package dev.lanyard.launcher.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

import dev.lanyard.platform.kafka.KafkaAccess;
import dev.lanyard.platform.kafka.KafkaAccesses;

/**
 * Makes the secured broker's users and ACLs match {@link KafkaAccesses#ALL}: one
 * SCRAM-SHA-512 user per service with its generated password (set again at every start,
 * so a changed password file wins) and its ACLs. Both calls are idempotent.
 */
public final class KafkaSecurity {

	/** Iterations of SCRAM's key derivation (4096 is the minimum Kafka accepts). */
	static final int SCRAM_ITERATIONS = 8192;

	private KafkaSecurity() {
	}

	public static void apply(Admin admin, KafkaCredentials credentials) {
		if (admin == null || credentials == null) {
			throw new IllegalArgumentException("admin and credentials cannot be null");
		}
		List<UserScramCredentialAlteration> users = new ArrayList<>();
		List<AclBinding> acls = new ArrayList<>();
		for (KafkaAccess access : KafkaAccesses.ALL) {
			users.add(new UserScramCredentialUpsertion(access.principal(),
					new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
					credentials.passwordOf(access.principal())));
			acls.addAll(KafkaAcls.of(access));
		}
		try {
			admin.alterUserScramCredentials(users).all().get(20, TimeUnit.SECONDS);
			admin.createAcls(acls).all().get(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating Kafka users and ACLs", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			// the message names users and resources, never a password
			throw new IllegalStateException("Cannot create Kafka users and ACLs: " + ex.getMessage(), ex);
		}
	}

}
