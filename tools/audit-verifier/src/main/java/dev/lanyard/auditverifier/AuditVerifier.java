package dev.lanyard.auditverifier;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code java -jar audit-verifier.jar <bundle.ndjson> [--key <verifier key>]}: checks a
 * Lanyard audit verification bundle offline. Exit code 0 when it verifies, 1 when
 * something was altered, inserted, reordered or deleted (the first such record is named),
 * 2 when the file cannot be read as a bundle or the arguments are wrong.
 */
public final class AuditVerifier {

	public static final int OK = 0;

	public static final int TAMPERED = 1;

	public static final int UNREADABLE = 2;

	private AuditVerifier() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** What {@link #main} does, without exiting. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		String file = null;
		String key = null;
		for (int i = 0; i < args.length; i++) {
			if ("--key".equals(args[i]) && i + 1 < args.length) {
				key = args[++i];
			}
			else if (file == null && !args[i].startsWith("--")) {
				file = args[i];
			}
			else {
				file = null;
				break;
			}
		}
		if (file == null) {
			err.println("usage: java -jar audit-verifier.jar <bundle.ndjson> [--key <name+hash+key>]");
			return UNREADABLE;
		}
		try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(file)), 64 * 1024)) {
			return report(new BundleCheck(new Lines(in), key, err).check(), out, err);
		}
		catch (NoSuchFileException ex) {
			err.println("UNREADABLE: no such file " + file);
			return UNREADABLE;
		}
		catch (IOException ex) {
			err.println("UNREADABLE: " + file + " cannot be read: " + ex.getMessage());
			return UNREADABLE;
		}
	}

	private static int report(BundleCheck.Result result, PrintStream out, PrintStream err) {
		switch (result.exitCode()) {
			case OK -> out.println("OK: " + result.message());
			case TAMPERED -> out.println("TAMPERED: " + result.message());
			default -> err.println("UNREADABLE: " + result.message());
		}
		return result.exitCode();
	}

}
