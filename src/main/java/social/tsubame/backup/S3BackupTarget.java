package social.tsubame.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Backups in a bucket of an S3-compatible service, each under {@code prefix/<name>/}. S3 has no rename: a backup
 * is uploaded file by file with its manifest last, so one without a manifest is not complete.
 */
final class S3BackupTarget implements BackupTarget {

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    /** @param prefix folder of the backups in the bucket, without slashes at either end; empty for the top */
    S3BackupTarget(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() ? "" : prefix + "/";
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix.replaceFirst("/$", "");
    }

    @Override
    public String location(String backup) {
        return "s3://" + bucket + "/" + prefix + backup;
    }

    @Override
    public List<String> complete() {
        return backups().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public List<String> incomplete() {
        return backups().entrySet().stream().filter(entry -> !entry.getValue()).map(Map.Entry::getKey).sorted()
                .toList();
    }

    /** Every backup under the prefix, and whether it has its manifest. */
    private Map<String, Boolean> backups() {
        Map<String, Boolean> backups = new HashMap<>();
        for (S3Object object : objects(prefix)) {
            String rest = object.key().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                backups.merge(rest.substring(0, slash), rest.substring(slash + 1).equals(BackupManifest.FILE),
                        Boolean::logicalOr);
            }
        }
        return backups;
    }

    private Iterable<S3Object> objects(String keyPrefix) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(keyPrefix)).contents();
    }

    @Override
    public Path begin(String name) {
        try {
            return Files.createTempDirectory("tsubame-backup-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a local folder for the backup", e);
        }
    }

    @Override
    public void commit(String name, Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path file) -> file.getFileName().toString()
                            .equals(BackupManifest.FILE)).thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            client.putObject(request -> request.bucket(bucket).key(prefix + name + "/" + relative),
                    RequestBody.fromFile(file));
        }
        deleteLocal(folder);
    }

    @Override
    public void abandon(String name, Path folder) {
        deleteLocal(folder);
        delete(name);
    }

    @Override
    public void delete(String name) {
        List<String> keys = new ArrayList<>();
        objects(prefix + name + "/").forEach(object -> keys.add(object.key()));
        // The manifest first: a backup half deleted is no longer taken for a complete one.
        keys.sort(Comparator.comparing((String key) -> !key.endsWith("/" + BackupManifest.FILE)));
        keys.forEach(key -> client.deleteObject(request -> request.bucket(bucket).key(key)));
    }

    @Override
    public Path fetch(String name, Path scratch) {
        Path folder = scratch.resolve(name);
        String backupPrefix = prefix + name + "/";
        for (S3Object object : objects(backupPrefix)) {
            Path file = folder.resolve(object.key().substring(backupPrefix.length())).normalize();
            if (!file.startsWith(folder)) {
                throw new BackupRefused("The backup holds a file outside its folder: " + object.key());
            }
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            client.getObject(request -> request.bucket(bucket).key(object.key()), ResponseTransformer.toFile(file));
        }
        return folder;
    }

    @Override
    public void close() {
        client.close();
    }

    private static void deleteLocal(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }
}
