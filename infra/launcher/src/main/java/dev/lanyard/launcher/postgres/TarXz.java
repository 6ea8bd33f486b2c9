package dev.lanyard.launcher.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks a {@code .txz} archive one entry at a time: memory stays at the xz dictionary
 * (8 MiB for PostgreSQL's archives) plus a copy buffer, whatever the archive's size.
 * Entries that would land outside the target folder are refused.
 */
final class TarXz {

	private TarXz() {
	}

	/** Unpacks {@code archive} into {@code target}, which must be empty or absent. */
	static void extract(InputStream archive, Path target) throws IOException {
		Path root = target.toAbsolutePath().normalize();
		Files.createDirectories(root);
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = inside(root, entry.getName());
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					inside(root, path.getParent().resolve(entry.getLinkName()).toString());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(path.getParent());
					Files.createLink(path, inside(root, entry.getLinkName()));
				}
				else if (entry.isFile()) {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path);
					Files.setPosixFilePermissions(path, permissions(entry.getMode()));
				}
			}
		}
	}

	/** The entry's path under {@code root}; refuses one that escapes it. */
	static Path inside(Path root, String name) throws IOException {
		Path path = root.resolve(name).normalize();
		if (!path.startsWith(root)) {
			throw new IOException("The archive entry " + name + " lies outside " + root);
		}
		return path;
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		if ((mode & 0100) != 0) {
			permissions.add(PosixFilePermission.OWNER_EXECUTE);
			permissions.add(PosixFilePermission.GROUP_EXECUTE);
			permissions.add(PosixFilePermission.OTHERS_EXECUTE);
		}
		return permissions;
	}

}
