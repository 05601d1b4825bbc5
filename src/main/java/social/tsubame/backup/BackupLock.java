package social.tsubame.backup;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import social.tsubame.core.ClusterLock;

/** One backup or verify at a time across every process of the server, freed by the database if the process dies. */
@Component
class BackupLock {

    /** This work's number among the users of {@link ClusterLock} ({@code media.RemoteMediaCache} has 1). */
    private static final int BACKUPS = 2;

    private final ClusterLock lock;

    BackupLock(DataSource dataSource) {
        this.lock = new ClusterLock(dataSource, BACKUPS);
    }

    /** The lock, or empty when another process (or this one) holds it. */
    Optional<ClusterLock.Held> tryAcquire() {
        return lock.tryAcquire();
    }
}
