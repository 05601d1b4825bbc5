package social.tsubame.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import social.tsubame.backup.CreateBackup;
import social.tsubame.backup.VerifyBackup;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the database and local media to a directory or an S3 bucket, keeping the newest"
                + " TSUBAME_BACKUP_KEEP backups there;",
                "with --verify, restore the newest backup into a scratch database and check it instead"})
final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--to", paramLabel = "<dir>|s3://bucket/prefix",
            description = "where backups go (default: TSUBAME_BACKUP_TARGET)")
    String target;

    @Option(names = "--verify", description = "verify the newest backup at the target instead of making one")
    boolean verify;

    @Autowired
    CreateBackup createBackup;

    @Autowired
    VerifyBackup verifyBackup;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TerminalProgress progress = new TerminalProgress(out);
        try {
            if (verify) {
                VerifyBackup.Result verified = verifyBackup.verifyNewest(target, progress);
                out.printf("Verified %s: %d tables, %,d rows, %d media files%n", verified.location(),
                        verified.tables(), verified.rows(), verified.mediaFiles());
                return 0;
            }
            CreateBackup.Result backup = createBackup.create(target, progress);
            if (backup.skippedRemoteMedia() > 0) {
                out.printf("Left out %,d cached copies of remote media; their servers keep the originals%n",
                        backup.skippedRemoteMedia());
            }
            if (!backup.missingMedia().isEmpty()) {
                out.printf("%d media files named in the database were missing from storage, e.g. %s%n",
                        backup.missingMedia().size(), backup.missingMedia().getFirst());
            }
            backup.deleted().forEach(old -> out.println("Deleted old backup " + old));
            out.printf("Backed up to %s: %d tables, %,d rows, %d media files, %s%n", backup.location(),
                    backup.tables(), backup.rows(), backup.mediaFiles(), TerminalProgress.size(backup.bytes()));
            return 0;
        } catch (RuntimeException e) {
            // Refused, or trouble with the storage or the database: told in one line, recorded in backup_runs.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            spec.commandLine().getErr().println((verify ? "Verify failed: " : "Backup failed: ") + message);
            return 1;
        }
    }
}
