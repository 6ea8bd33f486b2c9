package dev.lanyard.integrations.integration.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One configured integration as others may see it: never its client secret, only whether
 * there is one and its version.
 *
 * @param id the integration's id
 * @param settings what the administrator set
 * @param secretVersion increases each time the client secret changes; 0 without one
 * @param contentIds content allowed to use it, sorted
 * @param version increases with every change
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param updatedAt when it last changed
 * @param updatedBy who changed it last
 * @param deleted whether it was deleted
 */
public record Integration(UUID id, IntegrationSettings settings, long secretVersion, List<String> contentIds,
		long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, boolean deleted) {

	public Integration {
		if (id == null) {
			throw new IllegalArgumentException("id cannot be null");
		}
		if (settings == null) {
			throw new IllegalArgumentException("settings cannot be null");
		}
		if (secretVersion < 0) {
			throw new IllegalArgumentException("secretVersion cannot be negative");
		}
		contentIds = List.copyOf(contentIds);
	}

	/**
	 * A new integration: with a first client secret, or none for a federation kind (it
	 * trusts public keys and authenticates nowhere).
	 */
	public static Integration create(UUID id, IntegrationSettings settings, Instant at, String by) {
		long secretVersion = settings.kind().isFederation() ? 0 : 1;
		return new Integration(id, settings, secretVersion, List.of(), 1, at, by, at, by, false);
	}

	public Integration withSettings(IntegrationSettings changed, Instant at, String by) {
		return new Integration(this.id, changed, this.secretVersion, this.contentIds, this.version + 1, this.createdAt,
				this.createdBy, at, by, false);
	}

	public Integration withNewSecret(Instant at, String by) {
		return new Integration(this.id, this.settings, this.secretVersion + 1, this.contentIds, this.version + 1,
				this.createdAt, this.createdBy, at, by, false);
	}

	public Integration withContent(List<String> changed, Instant at, String by) {
		return new Integration(this.id, this.settings, this.secretVersion,
				changed.stream().sorted().distinct().toList(), this.version + 1, this.createdAt, this.createdBy, at, by,
				false);
	}

	/** Deleted: no content may use it any more. */
	public Integration asDeleted(Instant at, String by) {
		return new Integration(this.id, this.settings, this.secretVersion, List.of(), this.version + 1, this.createdAt,
				this.createdBy, at, by, true);
	}

}
