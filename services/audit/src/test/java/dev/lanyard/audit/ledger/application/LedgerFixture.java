package dev.lanyard.audit.ledger.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.lanyard.audit.ledger.domain.NoteKey;
import dev.lanyard.audit.ledger.domain.NoteSigner;
import dev.lanyard.auditverifier.AuditVerifier;

/**
 * The ledger's use cases over one in-memory store with a fresh Ed25519 key, and the
 * stand-alone verifier run in-process on bundles written to a folder.
 */
final class LedgerFixture {

	static final String ORIGIN = "lanyard.test/audit";

	final InMemoryLedgerStore store = new InMemoryLedgerStore();

	final NoteSigner signer;

	final AppendToLog append;

	final SignCheckpoint sign;

	final VerifyLog verify;

	final ExportBundle export;

	private final Path folder;

	LedgerFixture(Path folder) throws GeneralSecurityException {
		this.folder = folder;
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		this.signer = new NoteSigner(new NoteKey(ORIGIN, pair.getPublic()), pair.getPrivate());
		this.append = new AppendToLog(this.store, 4);
		this.sign = new SignCheckpoint(this.store, this.signer, ORIGIN,
				Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(1));
		this.verify = new VerifyLog(this.store, this.signer.key(), ORIGIN);
		this.export = new ExportBundle(this.store, this.signer.key(), ORIGIN);
	}

	/** The bundle of leaves {@code [from, to)}, as a file. */
	Path bundle(long from, long to) throws IOException {
		Path file = this.folder.resolve("bundle-" + from + "-" + to + ".ndjson");
		try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
			this.export.export(this.export.range(from, to), out);
		}
		return file;
	}

	/** The verifier's exit code and what it printed, checking against the log's key. */
	String verifier(Path bundle) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = AuditVerifier.run(new String[] { bundle.toString(), "--key", this.signer.key().verifierKey() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + " " + out.toString(StandardCharsets.UTF_8).strip();
	}

	/** An edited bundle, each line ending with a newline. */
	Path write(List<String> lines) throws IOException {
		Path file = this.folder.resolve("edited-" + UUID.randomUUID() + ".ndjson");
		Files.writeString(file, String.join("\n", lines) + "\n");
		return file;
	}

	static List<String> lines(Path file) throws IOException {
		return new ArrayList<>(Arrays.asList(Files.readString(file).split("\n")));
	}

}
