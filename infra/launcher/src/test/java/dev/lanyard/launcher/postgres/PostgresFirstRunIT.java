package dev.lanyard.launcher.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.launcher.layout.Distribution;
import dev.lanyard.launcher.layout.RepositoryRoot;
import dev.lanyard.launcher.process.Folders;
import dev.lanyard.launcher.process.Waits;
import dev.lanyard.launcher.settings.StateDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's PostgreSQL process, exactly as {@code bin/lanyard up} runs it (its own
 * JVM, its own heap), on a machine that has never unpacked the binaries, after an
 * interrupted extraction, and with two launchers unpacking at once. Each test has a cache
 * folder of its own, so a warm machine cannot hide a first-run fault.
 */
class PostgresFirstRunIT {

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private final Path home = Path.of("target/postgres-first-run")
		.toAbsolutePath()
		.resolve(Long.toString(System.nanoTime()));

	private final Distribution distribution = new Distribution(RepositoryRoot.locate());

	private final List<PostgresProcess> started = new java.util.ArrayList<>();

	@AfterEach
	void stopAll() {
		this.started.forEach(PostgresProcess::stop);
		Folders.deleteRecursively(this.home);
	}

	@Test
	void startWhenNothingWasEverUnpackedThenBinariesAreUnpackedOnceAndServerHasItsDatabases() throws IOException {
		Path cache = this.home.resolve("cache");
		PostgresProcess postgres = process("first", cache);
		postgres.start(TIMEOUT);
		assertThat(postgres.databases().exists("first_run")).isTrue();
		assertThat(unpackedFolders(cache)).singleElement().satisfies(this::assertComplete);
		assertThat(leftovers(cache)).isEmpty();
	}

	@Test
	void startWhenAnEarlierExtractionWasHalfFinishedThenItIsRedone() throws IOException {
		Path cache = this.home.resolve("cache");
		PostgresProcess first = process("first", cache);
		first.start(TIMEOUT);
		first.stop();
		Path unpacked = unpackedFolders(cache).getFirst();
		// what an out-of-memory error or a kill during unpacking leaves: no marker, some
		// files
		Files.delete(unpacked.resolve(PostgresBinaries.MARKER));
		Folders.deleteRecursively(unpacked.resolve("bin"));
		Files.createDirectories(cache.resolve(".unpacking-" + unpacked.getFileName()).resolve("lib"));
		Files.writeString(cache.resolve(".unpacking-" + unpacked.getFileName()).resolve("lib/libpq.so"), "partial");

		PostgresProcess second = process("second", cache);
		second.start(TIMEOUT);

		assertThat(second.databases().exists("first_run")).isTrue();
		assertThat(unpackedFolders(cache)).singleElement().satisfies(this::assertComplete);
		assertThat(leftovers(cache)).isEmpty();
	}

	@Test
	void startWhenTwoLaunchersUnpackAtOnceThenBothComeUp() throws IOException {
		Path cache = this.home.resolve("cache");
		PostgresProcess one = process("one", cache);
		PostgresProcess two = process("two", cache);
		CompletableFuture
			.allOf(CompletableFuture.runAsync(() -> one.start(TIMEOUT)),
					CompletableFuture.runAsync(() -> two.start(TIMEOUT)))
			.join();
		assertThat(one.databases().exists("first_run")).isTrue();
		assertThat(two.databases().exists("first_run")).isTrue();
		assertThat(unpackedFolders(cache)).singleElement().satisfies(this::assertComplete);
	}

	private PostgresProcess process(String name, Path cache) {
		Path folder = this.home.resolve(name);
		StateDirectory state = new StateDirectory(folder);
		PostgresCredentials.loadOrCreate(state, List.of("first_run"));
		PostgresProcess process = new PostgresProcess(Waits.freePort(), folder.resolve("data"), List.of("first_run"),
				new PostgresBinaries(cache), state.file(PostgresCredentials.FILE),
				this.distribution.launcherClasspath(), folder, folder.resolve("postgres.log"), false);
		this.started.add(process);
		return process;
	}

	private void assertComplete(Path folder) {
		assertThat(PostgresBinaries.complete(folder)).as("%s has its marker and programs", folder).isTrue();
	}

	private static List<Path> unpackedFolders(Path cache) throws IOException {
		try (Stream<Path> entries = Files.list(cache)) {
			return entries.filter((entry) -> entry.getFileName().toString().startsWith("PG-")).toList();
		}
	}

	private static List<Path> leftovers(Path cache) throws IOException {
		try (Stream<Path> entries = Files.list(cache)) {
			return entries
				.filter((entry) -> entry.getFileName().toString().startsWith(".unpacking-")
						|| entry.getFileName().toString().startsWith(".discarded-"))
				.toList();
		}
	}

}
