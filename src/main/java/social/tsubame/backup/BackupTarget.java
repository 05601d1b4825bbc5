package social.tsubame.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * Where backups are kept: a directory or an S3 bucket, each backup under a name of its own that sorts by time. A
 * backup is written in full to a local folder first and committed as a whole, so that one cut short is never
 * listed among the complete ones.
 */
interface BackupTarget extends AutoCloseable {

    /** The target as the operator writes it. */
    String location();

    /** The address of one backup, which {@code admin restore} takes. */
    String location(String backup);

    /** The complete backups, oldest first. */
    List<String> complete();

    /** Backups begun and never committed, left by a process that stopped. */
    List<String> incomplete();

    /** A local folder in which to write the backup {@code name}. */
    Path begin(String name);

    /** Makes the backup written in {@code folder} (its manifest last) one of the complete ones. */
    void commit(String name, Path folder);

    /** Removes what {@link #begin} and a failed {@link #commit} left. */
    void abandon(String name, Path folder);

    void delete(String name);

    /** A local folder holding the complete backup {@code name}: the backup itself, or a copy under {@code scratch}. */
    Path fetch(String name, Path scratch);

    @Override
    default void close() {
    }
}
