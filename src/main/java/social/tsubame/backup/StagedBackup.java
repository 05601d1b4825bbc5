package social.tsubame.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A complete backup in a local folder, with its manifest read, ready to be checked and restored. */
final class StagedBackup {

    private record Checked(String file, String sha256) {
    }

    private final Path folder;
    private final BackupManifest manifest;

    private StagedBackup(Path folder, BackupManifest manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    static StagedBackup open(Path folder) {
        return new StagedBackup(folder, BackupManifest.read(folder));
    }

    BackupManifest manifest() {
        return manifest;
    }

    /** A file the manifest names; never one outside the backup's folder. */
    Path file(String name) {
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder.normalize())) {
            throw new BackupRefused("The backup's manifest names a file outside the backup: " + name);
        }
        return file;
    }

    /** Every file the manifest names is there, whole: same size and SHA-256. */
    void checkFiles(BackupProgress progress) {
        List<Checked> expected = new ArrayList<>();
        manifest.tables().forEach(table -> expected.add(new Checked(table.file(), table.sha256())));
        manifest.media().forEach(media -> expected.add(new Checked(media.file(), media.sha256())));
        progress.step("Checking the checksums of " + expected.size() + " files");
        for (Checked checked : expected) {
            Path file = file(checked.file());
            if (!Files.isRegularFile(file)) {
                throw new BackupRefused("The backup is incomplete: " + checked.file() + " is missing");
            }
            if (!ChecksummedFiles.of(file).sha256().equals(checked.sha256())) {
                throw new BackupRefused("The backup is damaged: " + checked.file()
                        + " does not match its checksum in the manifest");
            }
        }
    }
}
