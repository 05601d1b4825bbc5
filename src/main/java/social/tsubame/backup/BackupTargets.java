package social.tsubame.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import social.tsubame.media.S3Clients;

/** Turns what the operator writes, a directory or {@code s3://bucket/prefix}, into a {@link BackupTarget}. */
@Component
class BackupTargets {

    private static final Pattern S3_ADDRESS = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(/.*)?");

    /** A backup and the target it is kept at. */
    record Located(BackupTarget target, String name) implements AutoCloseable {

        String location() {
            return target.location(name);
        }

        @Override
        public void close() {
            target.close();
        }
    }

    private final BackupProperties properties;

    BackupTargets(BackupProperties properties) {
        this.properties = properties;
    }

    /** The address named, or the configured target's. */
    String address(String address) {
        return address == null || address.isBlank() ? properties.target() : address.strip();
    }

    /** The configured target, or the one named. */
    BackupTarget open(String address) {
        String chosen = address(address);
        if (!chosen.startsWith("s3:")) {
            return new DirectoryBackupTarget(Path.of(chosen));
        }
        Matcher s3 = S3_ADDRESS.matcher(chosen);
        if (!s3.matches()) {
            throw new IllegalArgumentException("Not an S3 address: " + chosen + " (write s3://bucket/prefix)");
        }
        String prefix = s3.group(2) == null ? "" : s3.group(2).replaceAll("^/+|/+$", "");
        BackupProperties.S3 settings = properties.s3();
        return new S3BackupTarget(S3Clients.create(settings.endpoint(), settings.region(), settings.accessKeyId(),
                settings.secretAccessKey()), s3.group(1), prefix);
    }

    /**
     * The backup at {@code location}: one backup's own address, or a target, which stands for its newest complete
     * backup.
     */
    Located locate(String location) {
        String chosen = address(location);
        String trimmed = chosen.replaceFirst("/+$", "");
        int slash = trimmed.lastIndexOf('/');
        if (slash > 0 && couldBeOneBackup(trimmed)) {
            BackupTarget parent = open(trimmed.substring(0, slash));
            String name = trimmed.substring(slash + 1);
            if (parent.complete().contains(name)) {
                return new Located(parent, name);
            }
            parent.close();
        }
        BackupTarget target = open(chosen);
        List<String> complete = target.complete();
        if (complete.isEmpty()) {
            target.close();
            throw new BackupRefused("No complete backup at " + chosen);
        }
        return new Located(target, complete.getLast());
    }

    /** Whether an address may name one backup: a folder with a manifest, or an S3 address with a path. */
    private static boolean couldBeOneBackup(String address) {
        if (address.startsWith("s3:")) {
            return address.indexOf('/', "s3://".length()) > 0;
        }
        return Files.isRegularFile(Path.of(address, BackupManifest.FILE));
    }
}
