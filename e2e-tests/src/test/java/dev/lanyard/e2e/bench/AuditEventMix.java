package dev.lanyard.e2e.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.lanyard.events.CredentialDenied;
import dev.lanyard.events.GroupMembershipChanged;
import dev.lanyard.events.TokenIssued;
import dev.lanyard.events.UserChanged;
import dev.lanyard.platform.kafka.Topic;
import dev.lanyard.platform.kafka.Topics;
import org.apache.avro.specific.SpecificRecord;

/**
 * A deterministic stream of the events an audit trail is mostly made of, in the
 * proportions a busy deployment sees: TokenIssued 70 % (content, user, external,
 * delegated and federated tokens), GroupMembershipChanged 14 %, UserChanged 10 %,
 * CredentialDenied 6 %; over {@link #USERS} users, {@link #CONTENT} content items,
 * {@link #INTEGRATIONS} integrations and {@link #GROUPS} groups, occurring at times
 * spread over the {@link #SPREAD} before now. Event {@code n} is always the same (but its
 * id), so a benchmark knows which values exist when it queries them.
 */
final class AuditEventMix {

	static final int USERS = 50_000;

	static final int CONTENT = 5_000;

	static final int INTEGRATIONS = 400;

	static final int GROUPS = 1_000;

	static final Duration SPREAD = Duration.ofDays(180);

	static final List<String> TOKEN_TYPES = List.of("content-session", "user-session", "external-access",
			"user-delegated", "user-federated");

	private static final String PRODUCER = "audit-bench";

	private final Instant end;

	private final String run;

	AuditEventMix(Instant end, String run) {
		this.end = end;
		this.run = run;
	}

	/** The {@code n}th event of the mix, occurring in the spread. */
	Produced event(long n) {
		SplittableRandom random = random(n);
		Instant at = this.end.minusMillis(random.nextLong(SPREAD.toMillis()));
		return event(n, random, at, correlationId(n));
	}

	/** The {@code n}th event of the mix, occurring now with this correlation id. */
	Produced eventNow(long n, String correlationId) {
		SplittableRandom random = random(n);
		return event(n, random, Instant.now(), correlationId);
	}

	/**
	 * The {@code n}th event of the credential stream, occurring now with this correlation
	 * id: what token-broker alone produces (TokenIssued 94 %, CredentialDenied 6 %),
	 * without the user and group changes that three other services consume as well.
	 */
	Produced credentialNow(long n, String correlationId) {
		SplittableRandom random = random(n);
		Instant at = Instant.now();
		if (random.nextInt(100) < 94) {
			return tokenIssued(random, at, correlationId, user(random.nextInt(USERS)));
		}
		return credentialDenied(random, at, correlationId);
	}

	/**
	 * A content-session TokenIssued occurring now for {@code content}: the lag
	 * benchmark's samples, all under one content id so one query finds every sample
	 * stored so far.
	 */
	Produced sampleNow(long n, String correlationId, String content) {
		SplittableRandom random = random(n);
		return tokenIssued(random, Instant.now(), correlationId, user(random.nextInt(USERS)), content,
				"content-session");
	}

	// event n's own random sequence: the same n gives the same event
	private static SplittableRandom random(long n) {
		return new SplittableRandom(n * 0x9E3779B97F4A7C15L);
	}

	String correlationId(long n) {
		return "bench-" + this.run + "-" + n;
	}

	static String user(int i) {
		return "00000000-0000-4000-8000-" + String.format("%012d", i);
	}

	static String content(int i) {
		return "content-" + i;
	}

	static String integration(int i) {
		return "integration-" + i;
	}

	static String group(int i) {
		return "00000000-0000-4000-9000-" + String.format("%012d", i);
	}

	private Produced event(long n, SplittableRandom random, Instant at, String correlationId) {
		int kind = random.nextInt(100);
		String user = user(random.nextInt(USERS));
		if (kind < 70) {
			return tokenIssued(random, at, correlationId, user);
		}
		if (kind < 84) {
			int group = random.nextInt(GROUPS);
			return new Produced(Topics.GROUP_MEMBERSHIP_CHANGED, user,
					GroupMembershipChanged.newBuilder()
						.setEventId(UUID.randomUUID())
						.setOccurredAt(at)
						.setCorrelationId(correlationId)
						.setProducer(PRODUCER)
						.setActorId(random.nextInt(10) == 0 ? "scim-okta" : null)
						.setUserId(user)
						.setGroupId(group(group))
						.setGroupName("group " + group)
						.setChange(random.nextBoolean() ? "added" : "removed")
						.build());
		}
		if (kind < 94) {
			return new Produced(Topics.USER_CHANGED, user,
					UserChanged.newBuilder()
						.setEventId(UUID.randomUUID())
						.setOccurredAt(at)
						.setCorrelationId(correlationId)
						.setProducer(PRODUCER)
						.setUserId(user)
						.setUsername("user" + user.substring(24))
						.setEmail("user" + user.substring(24) + "@example.com")
						.setRole(random.nextInt(20) == 0 ? "publisher" : "viewer")
						.setGroupIds(List.of(group(random.nextInt(GROUPS)), group(random.nextInt(GROUPS))))
						.setVersion(n)
						.build());
		}
		return credentialDenied(random, at, correlationId);
	}

	private Produced credentialDenied(SplittableRandom random, Instant at, String correlationId) {
		String content = content(random.nextInt(CONTENT));
		return new Produced(Topics.CREDENTIAL_DENIED, content,
				CredentialDenied.newBuilder()
					.setEventId(UUID.randomUUID())
					.setOccurredAt(at)
					.setCorrelationId(correlationId)
					.setProducer(PRODUCER)
					.setSubjectId(content)
					.setSubjectType("content")
					.setContentId(content)
					.setIntegrationId(integration(random.nextInt(INTEGRATIONS)))
					.setRequestedScopes(List.of("read"))
					.setGrantType("urn:ietf:params:oauth:grant-type:token-exchange")
					.setError("invalid_target")
					.setReason("content is not linked to the integration")
					.build());
	}

	private Produced tokenIssued(SplittableRandom random, Instant at, String correlationId, String user) {
		String tokenType = TOKEN_TYPES.get(weighted(random));
		return tokenIssued(random, at, correlationId, user, content(random.nextInt(CONTENT)), tokenType);
	}

	private Produced tokenIssued(SplittableRandom random, Instant at, String correlationId, String user, String content,
			String tokenType) {
		boolean forContent = tokenType.equals("content-session") || tokenType.equals("external-access");
		boolean federated = tokenType.equals("user-federated");
		String subject = forContent ? content : user;
		byte[] hash = new byte[32];
		random.nextBytes(hash);
		return new Produced(Topics.TOKEN_ISSUED, subject, TokenIssued.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(at)
			.setCorrelationId(correlationId)
			.setProducer(PRODUCER)
			.setActorId(tokenType.equals("user-delegated") ? content : null)
			.setTokenId(UUID.randomUUID().toString())
			.setTokenSha256(HexFormat.of().formatHex(hash))
			.setTokenType(tokenType)
			.setSubjectId(subject)
			.setSubjectType(forContent ? "content" : "user")
			.setContentId(content)
			.setIntegrationId(tokenType.equals("external-access") ? integration(random.nextInt(INTEGRATIONS)) : null)
			.setScopes(List.of("read", "write"))
			.setAudience(List.of("lanyard"))
			.setGrantType(forContent ? "client_credentials"
					: federated ? "urn:ietf:params:oauth:grant-type:jwt-bearer"
							: "urn:ietf:params:oauth:grant-type:token-exchange")
			.setFederatedIssuer(federated ? "https://ci.example.com" : null)
			.setFederatedSubject(federated ? "repo:example/app:ref:refs/heads/main" : null)
			.setIssuedAt(at)
			.setExpiresAt(at.plusSeconds(900))
			.build());
	}

	// of TokenIssued: content sessions 55 %, user sessions 25 %, external tokens 18 %,
	// delegated 1.9 %, federated 0.1 % (what an auditor searches for is often the rare
	// kind)
	private static int weighted(SplittableRandom random) {
		int p = random.nextInt(1000);
		return (p < 550) ? 0 : (p < 800) ? 1 : (p < 980) ? 2 : (p < 999) ? 3 : 4;
	}

	/** An event with its topic and key (the entity id, as the services key them). */
	record Produced(Topic<?> topic, String key, SpecificRecord value) {

	}

}
