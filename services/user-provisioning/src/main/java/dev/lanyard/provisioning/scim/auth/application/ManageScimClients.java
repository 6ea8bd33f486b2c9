package dev.lanyard.provisioning.scim.auth.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.lanyard.provisioning.directory.application.EventPublisher;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;
import dev.lanyard.provisioning.scim.auth.domain.ScimClientAccount;
import dev.lanyard.provisioning.scim.auth.domain.ScimSecret;
import dev.lanyard.provisioning.shared.application.Actor;
import dev.lanyard.provisioning.shared.application.RequestRejectedException;
import dev.lanyard.provisioning.shared.application.Transactions;

/**
 * The administrator's use cases on SCIM clients. A secret is returned once, at creation
 * or rotation; rotation and revocation take effect for the very next request (no grace
 * period: an identity provider takes a new secret in one configuration step, and a leaked
 * one must stop working at once). Each change publishes a ScimClientChanged for the audit
 * trail and commits only once Kafka acknowledged it.
 */
public final class ManageScimClients {

	private final Transactions transactions;

	private final ScimClientStore clients;

	private final EventPublisher events;

	private final Clock clock;

	private final Supplier<UUID> ids;

	public ManageScimClients(Transactions transactions, ScimClientStore clients, EventPublisher events, Clock clock,
			Supplier<UUID> ids) {
		if (transactions == null || clients == null || events == null || clock == null || ids == null) {
			throw new IllegalArgumentException("transactions, clients, events, clock and ids cannot be null");
		}
		this.transactions = transactions;
		this.clients = clients;
		this.events = events;
		this.clock = clock;
		this.ids = ids;
	}

	public IssuedSecret create(String name, Actor actor) {
		if (actor == null) {
			throw new IllegalArgumentException("actor cannot be null");
		}
		if (name == null || !ScimClientAccount.NAME.matcher(name).matches()) {
			throw RequestRejectedException.invalid("name",
					"name is required: 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
		return this.transactions.inTransaction(() -> {
			if (this.clients.nameTaken(name)) {
				throw RequestRejectedException.conflict("name", "A SCIM client with this name exists already");
			}
			ScimClientAccount client = new ScimClientAccount(this.ids.get(), name, now(), null, null, null);
			String secret = ScimSecret.generate();
			this.clients.insert(client, ScimSecret.sha256(secret));
			published(client, "created", actor);
			return new IssuedSecret(client, secret);
		});
	}

	public List<ScimClientAccount> list() {
		return this.clients.all();
	}

	public IssuedSecret rotate(UUID id, Actor actor) {
		if (id == null || actor == null) {
			throw new IllegalArgumentException("id and actor cannot be null");
		}
		return this.transactions.inTransaction(() -> {
			ScimClientAccount client = existing(id);
			if (client.revoked()) {
				throw RequestRejectedException.conflict(null, "A revoked SCIM client cannot be rotated");
			}
			String secret = ScimSecret.generate();
			Instant now = now();
			if (!this.clients.replaceSecret(id, ScimSecret.sha256(secret), now)) {
				throw RequestRejectedException.conflict(null, "A revoked SCIM client cannot be rotated");
			}
			published(client, "rotated", actor);
			return new IssuedSecret(
					new ScimClientAccount(id, client.name(), client.createdAt(), now, null, client.lastUsedAt()),
					secret);
		});
	}

	/** Revokes the client; revoking a revoked one changes nothing. */
	public ScimClientAccount revoke(UUID id, Actor actor) {
		if (id == null || actor == null) {
			throw new IllegalArgumentException("id and actor cannot be null");
		}
		return this.transactions.inTransaction(() -> {
			ScimClientAccount client = existing(id);
			if (client.revoked()) {
				return client;
			}
			this.clients.revoke(id, now());
			published(client, "revoked", actor);
			return existing(id);
		});
	}

	private void published(ScimClientAccount client, String action, Actor actor) {
		this.events.publish(List.of(new ProvisioningEvent.ScimClientChanged(this.ids.get(), now(),
				actor.correlationId(), actor.actorId(), client.id(), client.name(), action)));
	}

	private ScimClientAccount existing(UUID id) {
		return this.clients.find(id).orElseThrow(() -> RequestRejectedException.notFound("No such SCIM client"));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
