package social.tsubame.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import social.tsubame.backup.BackupRefused;
import social.tsubame.backup.RestoreBackup;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup into an empty database and media storage; the schema is then migrated to"
                + " this release's.", "Every checksum is checked before anything is written."})
final class RestoreCommand implements Callable<Integer>, LeavesSchemaAlone {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<location>",
            description = "a backup (a directory, or s3://bucket/prefix/<name>), or a target for its newest backup")
    String location;

    @Autowired
    RestoreBackup restoreBackup;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            RestoreBackup.Result restored = restoreBackup.restore(location, new TerminalProgress(out));
            out.printf("Restored %s: %d tables, %,d rows, %d media files; schema at version %s%n",
                    restored.location(), restored.tables(), restored.rows(), restored.mediaFiles(),
                    restored.migratedTo());
            return 0;
        } catch (BackupRefused e) {
            spec.commandLine().getErr().println("Restore refused: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // Trouble with the storage or the database, told in one line too.
            spec.commandLine().getErr().println("Restore failed: " + (e.getMessage() == null ? e : e.getMessage()));
            return 1;
        }
    }
}
