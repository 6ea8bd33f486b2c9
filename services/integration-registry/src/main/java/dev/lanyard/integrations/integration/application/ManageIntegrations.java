package dev.lanyard.integrations.integration.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lanyard.integrations.integration.domain.ClientSecret;
import dev.lanyard.integrations.integration.domain.EndpointPolicy;
import dev.lanyard.integrations.integration.domain.FederationSyntax;
import dev.lanyard.integrations.integration.domain.Identifiers;
import dev.lanyard.integrations.integration.domain.Integration;
import dev.lanyard.integrations.integration.domain.IntegrationChanged;
import dev.lanyard.integrations.integration.domain.IntegrationDraft;
import dev.lanyard.integrations.integration.domain.IntegrationSettings;
import dev.lanyard.integrations.integration.domain.InvalidFieldException;
import dev.lanyard.integrations.secrets.application.SecretCipher;
import dev.lanyard.integrations.templates.application.TemplateCatalog;

/**
 * Administrators' changes to integrations. Each change and its IntegrationChanged
 * snapshot go together: the snapshot is published and acknowledged inside the database
 * transaction, which commits only then, so Kafka being unreachable leaves everything as
 * it was. Row locks keep one integration's snapshots in the order of its changes.
 */
public final class ManageIntegrations {

	private static final Logger log = LoggerFactory.getLogger(ManageIntegrations.class);

	private final TemplateCatalog templates;

	private final EndpointPolicy endpoints;

	private final SecretCipher cipher;

	private final IntegrationStore store;

	private final IntegrationEvents events;

	private final Transactions transactions;

	private final Clock clock;

	private final FederationSyntax syntax;

	private final ResolveIssuerKeys issuerKeys;

	public ManageIntegrations(TemplateCatalog templates, EndpointPolicy endpoints, SecretCipher cipher,
			IntegrationStore store, IntegrationEvents events, Transactions transactions, Clock clock,
			FederationSyntax syntax, ResolveIssuerKeys issuerKeys) {
		this.templates = require(templates, "templates");
		this.endpoints = require(endpoints, "endpoints");
		this.syntax = require(syntax, "syntax");
		this.issuerKeys = require(issuerKeys, "issuerKeys");
		this.cipher = require(cipher, "cipher");
		this.store = require(store, "store");
		this.events = require(events, "events");
		this.transactions = require(transactions, "transactions");
		this.clock = require(clock, "clock");
	}

	public List<Integration> list() {
		return this.store.list();
	}

	public Integration find(UUID id) {
		return this.store.find(id).orElseThrow(() -> IntegrationNotFoundException.of(id));
	}

	public Integration create(IntegrationDraft draft, ClientSecret secret, ChangeContext context) {
		IntegrationSettings settings = checked(draft);
		boolean federation = settings.kind().isFederation();
		if (federation && secret != null) {
			throw new InvalidFieldException("clientSecret",
					"is not used by federation integrations (they trust the issuer's public keys)");
		}
		if (!federation && secret == null) {
			throw new InvalidFieldException("clientSecret", "is required");
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		Integration created = Integration.create(id, settings, now, context.actorId());
		var sealed = federation ? null : this.cipher.seal(id, secret.value());
		this.transactions.inTransaction(() -> {
			if (this.store.nameTaken(settings.name(), null)) {
				throw new IntegrationNameTakenException(settings.name());
			}
			this.store.insert(created, sealed);
			publish(created, context, now);
			return created;
		});
		log.info("Created {} integration {} from template {} (actor {})", settings.kind().value(), id,
				settings.template(), context.actorId());
		return created;
	}

	public Integration update(UUID id, IntegrationDraft draft, ChangeContext context) {
		IntegrationSettings settings = checked(draft);
		Integration updated = this.transactions.inTransaction(() -> {
			Integration current = locked(id);
			if (current.settings().kind().isFederation() != settings.kind().isFederation()) {
				// a client secret cannot appear or vanish by an update
				throw new InvalidFieldException("kind", "cannot change between a federation and an OAuth kind");
			}
			if (this.store.nameTaken(settings.name(), id)) {
				throw new IntegrationNameTakenException(settings.name());
			}
			Instant now = this.clock.instant();
			Integration changed = current.withSettings(settings, now, context.actorId());
			this.store.update(changed);
			publish(changed, context, now);
			return changed;
		});
		log.info("Updated integration {} to version {} (actor {})", id, updated.version(), context.actorId());
		return updated;
	}

	public void delete(UUID id, ChangeContext context) {
		this.transactions.inTransaction(() -> {
			Instant now = this.clock.instant();
			Integration deleted = locked(id).asDeleted(now, context.actorId());
			this.store.markDeleted(deleted);
			publish(deleted, context, now);
			return deleted;
		});
		log.info("Deleted integration {} (actor {})", id, context.actorId());
	}

	/** Replaces the client secret; its version goes up by one. */
	public Integration rotateSecret(UUID id, ClientSecret secret, ChangeContext context) {
		if (secret == null) {
			throw new InvalidFieldException("clientSecret", "is required");
		}
		var sealed = this.cipher.seal(id, secret.value());
		Integration rotated = this.transactions.inTransaction(() -> {
			Instant now = this.clock.instant();
			Integration current = locked(id);
			if (current.settings().kind().isFederation()) {
				throw new InvalidFieldException("clientSecret", "federation integrations have no client secret");
			}
			Integration changed = current.withNewSecret(now, context.actorId());
			this.store.updateSecret(changed, sealed);
			publish(changed, context, now);
			return changed;
		});
		log.info("Rotated the client secret of integration {} to version {} (actor {})", id, rotated.secretVersion(),
				context.actorId());
		return rotated;
	}

	/** Lets a content item use the integration; nothing changes when it already may. */
	public Integration linkContent(UUID id, String contentId, ChangeContext context) {
		String content = Identifiers.contentId(contentId);
		Optional<Integration> linked = this.transactions.inTransaction(() -> {
			Integration current = locked(id);
			if (current.settings().kind().isFederation()) {
				throw new InvalidFieldException("contentId", "federation integrations are not linked to content;"
						+ " a workload federation names its content in federation.contentId");
			}
			if (current.contentIds().contains(content)) {
				return Optional.empty();
			}
			Instant now = this.clock.instant();
			List<String> contentIds = new ArrayList<>(current.contentIds());
			contentIds.add(content);
			Integration changed = current.withContent(contentIds, now, context.actorId());
			this.store.addContent(changed, content, now, context.actorId());
			this.store.update(changed);
			publish(changed, context, now);
			return Optional.of(changed);
		});
		linked.ifPresent((changed) -> log.info("Linked content {} to integration {} (actor {})", content, id,
				context.actorId()));
		return linked.orElseGet(() -> find(id));
	}

	/** Stops a content item from using the integration. */
	public Integration unlinkContent(UUID id, String contentId, ChangeContext context) {
		String content = Identifiers.contentId(contentId);
		Integration unlinked = this.transactions.inTransaction(() -> {
			Integration current = locked(id);
			if (!current.contentIds().contains(content)) {
				throw new IntegrationNotFoundException("Content " + content + " is not linked to integration " + id);
			}
			Instant now = this.clock.instant();
			List<String> contentIds = new ArrayList<>(current.contentIds());
			contentIds.remove(content);
			Integration changed = current.withContent(contentIds, now, context.actorId());
			this.store.removeContent(changed, content);
			this.store.update(changed);
			publish(changed, context, now);
			return changed;
		});
		log.info("Unlinked content {} from integration {} (actor {})", content, id, context.actorId());
		return unlinked;
	}

	/** Checked, then for a federation rule without keys the discovered JWKS location. */
	private IntegrationSettings checked(IntegrationDraft draft) {
		return this.issuerKeys
			.resolve(IntegrationSettings.from(draft, this.templates::find, this.endpoints, this.syntax));
	}

	private Integration locked(UUID id) {
		return this.store.lock(id).orElseThrow(() -> IntegrationNotFoundException.of(id));
	}

	private void publish(Integration snapshot, ChangeContext context, Instant at) {
		this.events.publish(
				new IntegrationChanged(UUID.randomUUID(), at, context.correlationId(), context.actorId(), snapshot));
	}

	private static <T> T require(T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " cannot be null");
		}
		return value;
	}

}
