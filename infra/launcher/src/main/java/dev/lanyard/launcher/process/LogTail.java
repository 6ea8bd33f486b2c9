package dev.lanyard.launcher.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read without loading the whole file. */
public final class LogTail {

	private static final int MAX_BYTES = 256 * 1024;

	private LogTail() {
	}

	public static List<String> lastLines(Path file, int lines) {
		if (lines < 0) {
			throw new IllegalArgumentException("lines cannot be negative");
		}
		if (file == null || !Files.isRegularFile(file) || lines == 0) {
			return List.of();
		}
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			int size = (int) Math.min(length, MAX_BYTES);
			byte[] bytes = new byte[size];
			in.seek(length - size);
			in.readFully(bytes);
			List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
			return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return List.of("(cannot read " + file + ": " + ex.getMessage() + ")");
		}
	}

	/** A message suffix with the last lines, or nothing when the log is empty. */
	static String describe(Path file, int lines) {
		List<String> tail = lastLines(file, lines);
		return tail.isEmpty() ? "" : "; last lines:\n  " + String.join("\n  ", tail);
	}

}
