package dev.lanyard.tokenbroker.keys.adapter.web;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import dev.lanyard.tokenbroker.keys.application.SigningKeyRotation;
import dev.lanyard.tokenbroker.keys.application.SigningKeyRotation.Rotated;
import dev.lanyard.tokenbroker.keys.application.SigningKeyring;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's API on signing keys: which are published, and rotating the active
 * one at once (e.g. when it may have leaked). Never any key material.
 */
@RestController
@RequestMapping("/api/admin/signing-keys")
public final class SigningKeysController {

	private final SigningKeyring keys;

	private final SigningKeyRotation rotation;

	public SigningKeysController(SigningKeyring keys, SigningKeyRotation rotation) {
		if (keys == null) {
			throw new IllegalArgumentException("keys cannot be null");
		}
		if (rotation == null) {
			throw new IllegalArgumentException("rotation cannot be null");
		}
		this.keys = keys;
		this.rotation = rotation;
	}

	@GetMapping
	public List<SigningKeyResponse> list() {
		return this.keys.stored()
			.stream()
			.map((key) -> new SigningKeyResponse(key.kid(), key.algorithm().name(), key.active() ? "active" : "retired",
					key.createdAt(), key.retiredAt(),
					(key.retiredAt() != null) ? this.rotation.publishedUntil(key.retiredAt()) : null))
			.toList();
	}

	@PostMapping("/rotate")
	public ResponseEntity<RotatedResponse> rotate(Principal principal) {
		Rotated rotated = this.rotation.rotate(principal.getName());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new RotatedResponse(rotated.kid(), this.keys.algorithm().name(), rotated.retiredKid(),
					rotated.retiredPublishedUntil()));
	}

	/**
	 * A published key.
	 *
	 * @param status {@code active} (signs) or {@code retired} (only verifies)
	 * @param publishedUntil for a retired key, when it leaves the JWKS
	 */
	public record SigningKeyResponse(String kid, String algorithm, String status, Instant createdAt, Instant retiredAt,
			Instant publishedUntil) {

	}

	/** The answer to a rotation. */
	public record RotatedResponse(String kid, String algorithm, String retiredKid, Instant retiredPublishedUntil) {

	}

}
