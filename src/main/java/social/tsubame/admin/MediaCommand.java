package social.tsubame.admin;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import social.tsubame.core.ClusterLock;
import social.tsubame.media.RemoteMediaCache;

@Command(name = "media", mixinStandardHelpOptions = true, description = "Media files in this server's storage",
        subcommands = MediaCommand.RemoveRemote.class)
final class MediaCommand {

    @Command(name = "remove-remote", mixinStandardHelpOptions = true,
            description = "Delete the copies of remote attachments, avatars and headers cached more than N days ago. "
                    + "Their rows and remote URLs stay: clients load those files from their servers again. Workers "
                    + "do the same on their own with TSUBAME_MEDIA_REMOTE_RETENTION_DAYS.")
    static final class RemoveRemote implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--days", required = true, description = "remove copies older than this many days (0: all)")
        int days;

        @Autowired
        RemoteMediaCache cache;

        @Override
        public Integer call() {
            if (days < 0) {
                throw new IllegalArgumentException("--days cannot be negative");
            }
            Optional<ClusterLock.Held> free = cache.tryLock();
            if (free.isEmpty()) {
                spec.commandLine().getErr().println("Waiting for another process to finish removing cached remote "
                        + "media");
            }
            try (ClusterLock.Held lock = free.orElseGet(cache::lock)) {
                ProgressLine progress = new ProgressLine(spec.commandLine().getOut(), "cached remote files");
                RemoteMediaCache.Removed removed = cache.removeOlderThan(Duration.ofDays(days), progress);
                progress.finish();
                spec.commandLine().getOut().printf("Removed %,d files (%s); %s of remote media stay cached%n",
                        removed.files(), bytes(removed.bytes()), bytes(cache.cachedBytes()));
                return 0;
            }
        }

        private static String bytes(long bytes) {
            return bytes < 1024 * 1024 ? "%,d bytes".formatted(bytes) : "%,.1f MiB".formatted(bytes / 1048576.0);
        }
    }
}
