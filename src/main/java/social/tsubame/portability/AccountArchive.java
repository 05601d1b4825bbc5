package social.tsubame.portability;

import java.time.Duration;
import java.time.Instant;

/**
 * An archive a user asked for: waiting for the job until {@code finishedAt} is set, then a private zip in media
 * storage for {@link #KEPT}.
 *
 * @param fileKey the zip's key in media storage, null until written
 */
public record AccountArchive(long id, long accountId, String fileKey, Long fileSize, Instant createdAt,
                             Instant finishedAt) {

    /** How long a written archive is kept for its owner to download, as on Mastodon. */
    public static final Duration KEPT = Duration.ofDays(7);
    /**
     * How long an archive may wait for its job before it counts as failed (its job dead-lettered, say) and no longer
     * keeps its owner from asking again; far more than the job takes on a server that keeps up.
     */
    public static final Duration GIVEN_UP_AFTER = Duration.ofDays(1);

    public Instant expiresAt() {
        return finishedAt == null ? null : finishedAt.plus(KEPT);
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
