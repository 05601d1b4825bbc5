package social.tsubame.backup;

/** What a backup, restore or verify reports while it runs, for a terminal or a log. */
public interface BackupProgress {

    BackupProgress SILENT = new BackupProgress() {
    };

    /** A step begins, e.g. "Checking checksums". */
    default void step(String description) {
    }

    /** A table was written or read. */
    default void table(String name, long rows, long bytes) {
    }

    /** One more media file was written or read, of {@code total}. */
    default void mediaFile(int done, int total, long bytesSoFar) {
    }
}
