package io.tierzero.triage;

import io.tierzero.triage.model.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A model folder as one byte array (a zip of its files), so it can live in the database. The zip is
 * deterministic (sorted entries, no timestamps): the same folder always gives the same bytes and digest.
 */
final class ModelArchive {

    private ModelArchive() {
    }

    static byte[] zip(Path modelDir) {
        try (Stream<Path> listing = Files.list(modelDir)) {
            List<Path> files = listing.filter(Files::isRegularFile).sorted().toList();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Path file : files) {
                    ZipEntry entry = new ZipEntry(file.getFileName().toString());
                    entry.setTime(0);
                    zip.putNextEntry(entry);
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new InvalidDataException("cannot read the model folder " + modelDir + ": " + e.getMessage(), e);
        }
    }

    /** Unpacks into a new temporary folder, which the caller deletes with {@link #delete(Path)}. */
    static Path unzip(byte[] archive) {
        Path dir;
        try {
            dir = Files.createTempDirectory("tierzero-model");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                    throw new InvalidDataException("unexpected entry in a model archive: " + name);
                }
                Files.copy(zip, dir.resolve(name));
            }
            return dir;
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
