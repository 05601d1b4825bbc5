package social.tsubame.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json}: what a backup holds and how to check it. Written last, so a backup without one is not
 * complete.
 *
 * @param format        the layout of the backup; a restore refuses formats it does not know
 * @param schemaVersion the Flyway version of the schema the tables were copied from
 * @param tables        every application table, as a gzipped file of PostgreSQL's COPY text format
 * @param sequences     the sequences' last values, so that restored ones go on from there
 * @param media         local accounts' media files, under {@code media/} and their storage key
 * @param skippedRemoteMedia cached copies of remote media left out (they can be fetched again)
 * @param missingMedia  keys the database named but whose files were gone when copied
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BackupManifest(int format, String schemaVersion, Instant createdAt, String server,
                             List<TableFile> tables, List<SequenceValue> sequences, List<MediaFile> media,
                             long skippedRemoteMedia, List<String> missingMedia) {

    public static final int FORMAT = 1;
    public static final String FILE = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TableFile(String name, List<String> columns, long rows, String file, String sha256, long bytes) {
    }

    public record SequenceValue(String name, long value) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MediaFile(String key, String contentType, String file, String sha256, long bytes) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableFile::rows).sum();
    }

    public long totalBytes() {
        return tables.stream().mapToLong(TableFile::bytes).sum() + media.stream().mapToLong(MediaFile::bytes).sum();
    }

    void write(Path directory) {
        try {
            Files.write(directory.resolve(FILE), JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BackupManifest read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupRefused("Not a complete backup: " + FILE + " is missing in " + directory);
        }
        BackupManifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), BackupManifest.class);
        } catch (JacksonException e) {
            throw new BackupRefused("The backup's " + FILE + " cannot be read: " + e.getOriginalMessage());
        }
        if (manifest.format() != FORMAT) {
            throw new BackupRefused("The backup is in format " + manifest.format() + ", which this Tsubame does not"
                    + " know (it reads format " + FORMAT + ")");
        }
        return manifest;
    }
}
