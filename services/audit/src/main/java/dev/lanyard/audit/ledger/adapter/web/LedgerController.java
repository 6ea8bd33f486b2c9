package dev.lanyard.audit.ledger.adapter.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.lanyard.audit.ledger.application.ExportBundle;
import dev.lanyard.audit.web.StreamSlots;
import dev.lanyard.audit.ledger.application.LedgerStore;
import dev.lanyard.audit.ledger.application.NoCheckpointException;
import dev.lanyard.audit.ledger.application.ProveRange;
import dev.lanyard.audit.ledger.application.VerifyLog;
import dev.lanyard.audit.ledger.domain.NoteSigner;
import dev.lanyard.audit.ledger.domain.StoredCheckpoint;
import dev.lanyard.audit.ledger.domain.Verdict;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The log's key, checkpoints, proofs, full check and verification bundle. */
@RestController
final class LedgerController {

	static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private final NoteSigner signer;

	private final LedgerStore store;

	private final ProveRange prove;

	private final VerifyLog verify;

	private final ExportBundle export;

	private final StreamSlots slots;

	LedgerController(NoteSigner signer, LedgerStore store, ProveRange prove, VerifyLog verify, ExportBundle export,
			StreamSlots slots) {
		if (signer == null || store == null || prove == null || verify == null || export == null || slots == null) {
			throw new IllegalArgumentException("signer, store, prove, verify, export and slots cannot be null");
		}
		this.slots = slots;
		this.signer = signer;
		this.store = store;
		this.prove = prove;
		this.verify = verify;
		this.export = export;
	}

	@GetMapping("/api/audit/ledger/public-key")
	Map<String, String> publicKey() {
		return Map.of("name", this.signer.key().name(), "algorithm", "Ed25519", "verifierKey",
				this.signer.key().verifierKey(), "publicKey", base64(this.signer.key().rawKey()));
	}

	@GetMapping("/api/audit/checkpoints/latest")
	CheckpointView latestCheckpoint() {
		return CheckpointView.of(this.store.latestCheckpoint().orElseThrow(NoCheckpointException::new));
	}

	@GetMapping("/api/audit/verify")
	ProofsView verify(@RequestParam(defaultValue = "0") long from, @RequestParam(required = false) Long to) {
		ProveRange.Proofs proofs = this.prove.prove(from, to);
		List<ProofsView.InclusionView> inclusions = proofs.inclusions()
			.stream()
			.map((inclusion) -> new ProofsView.InclusionView(inclusion.leafIndex(), inclusion.eventId().toString(),
					base64(inclusion.leafHash()),
					(inclusion.leafData() != null) ? new String(inclusion.leafData(), StandardCharsets.UTF_8) : null,
					inclusion.path().stream().map(LedgerController::base64).toList()))
			.toList();
		return new ProofsView(CheckpointView.of(proofs.checkpoint()),
				new ProofsView.ConsistencyView(CheckpointView.of(proofs.base()),
						proofs.consistency().stream().map(LedgerController::base64).toList()),
				inclusions);
	}

	@GetMapping("/api/audit/verify/full")
	Verdict verifyFull() {
		return this.slots.run(this.verify::verify);
	}

	@GetMapping("/api/audit/bundle")
	ResponseEntity<StreamingResponseBody> bundle(@RequestParam(defaultValue = "0") long from,
			@RequestParam(required = false) Long to) {
		ExportBundle.Range range = this.export.range(from, to);
		StreamingResponseBody body = (stream) -> {
			Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
			this.export.export(range, out);
		};
		String name = "audit-bundle-" + range.from() + "-" + range.to() + ".ndjson";
		return ResponseEntity.ok()
			.contentType(NDJSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(this.slots.stream(body));
	}

	static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * @param treeSize leaves covered
	 * @param rootHash base64 root
	 * @param signedAt when
	 * @param note the C2SP signed note
	 */
	record CheckpointView(long treeSize, String rootHash, String signedAt, String note) {

		static CheckpointView of(StoredCheckpoint checkpoint) {
			return new CheckpointView(checkpoint.size(), base64(checkpoint.rootHash()),
					checkpoint.signedAt().toString(), checkpoint.note());
		}

	}

}
