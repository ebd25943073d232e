package io.tierzero.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierzero.triage.model.InvalidDataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theSameFolderGivesTheSameBytesAndUnpacksToTheSameFiles() throws IOException {
        Files.writeString(dir.resolve("model.json"), "{\"format\": 1}");
        Files.write(dir.resolve("weights.bin"), new byte[] {1, 2, 3});
        byte[] archive = ModelArchive.zip(dir);
        Files.setLastModifiedTime(dir.resolve("weights.bin"), FileTime.from(Instant.EPOCH));

        assertThat(ModelArchive.zip(dir)).isEqualTo(archive);
        Path unpacked = ModelArchive.unzip(archive);
        assertThat(Files.readString(unpacked.resolve("model.json"))).isEqualTo("{\"format\": 1}");
        assertThat(Files.readAllBytes(unpacked.resolve("weights.bin"))).containsExactly(1, 2, 3);
        ModelArchive.delete(unpacked);
        assertThat(unpacked).doesNotExist();
    }

    @Test
    void anEntryOutsideTheFolderIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../escaped.txt"));
            zip.write(1);
            zip.closeEntry();
        }

        assertThatThrownBy(() -> ModelArchive.unzip(bytes.toByteArray()))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("../escaped.txt");
    }
}
