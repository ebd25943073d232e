package io.tierzero.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Unpacks server distributions, keeping file modes and symbolic links (java.util.zip keeps neither). */
final class Archives {

    private static final PosixFilePermission[] PERMISSIONS = PosixFilePermission.values();

    private Archives() {
    }

    static void extractTarXz(InputStream archive, Path target) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path path = inside(target, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    static void extractZip(Path archive, Path target) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                Path path = inside(target, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isUnixSymlink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(zip.getUnixSymlink(entry)));
                } else {
                    Files.createDirectories(path.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, path);
                    }
                    if (entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX) {
                        Files.setPosixFilePermissions(path, permissions(entry.getUnixMode()));
                    }
                }
            }
        }
    }

    private static Path inside(Path target, String name) {
        Path path = target.resolve(name).normalize();
        if (!path.startsWith(target)) {
            throw new IllegalArgumentException("Archive entry " + name + " points outside " + target);
        }
        return path;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < PERMISSIONS.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(PERMISSIONS[i]);
            }
        }
        return permissions;
    }
}
