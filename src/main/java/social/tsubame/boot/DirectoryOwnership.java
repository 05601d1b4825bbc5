package social.tsubame.boot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Which process runs the embedded server of a data directory: the one holding a lock on a file beside it. The operating
 * system drops the lock when that process dies, however it dies, so a free lock means any server still running there
 * is an orphan.
 */
final class DirectoryOwnership implements AutoCloseable {

    private final FileChannel channel;

    private DirectoryOwnership(FileChannel channel) {
        this.channel = channel;
    }

    /** Takes ownership, or returns empty if another live process has it. */
    static Optional<DirectoryOwnership> tryTake(Path directory) throws IOException {
        FileChannel channel = FileChannel.open(lockFileOf(directory),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new DirectoryOwnership(channel));
    }

    /** Beside the directory, not in it: PostgreSQL's initdb wants an empty directory. */
    private static Path lockFileOf(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".lock");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
