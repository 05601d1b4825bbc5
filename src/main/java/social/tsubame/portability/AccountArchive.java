package social.tsubame.portability;

import java.time.Instant;

/**
 * An archive a user asked for: waiting for the job until {@code finishedAt} is set, then a zip in media storage.
 *
 * @param fileKey the zip's key in media storage, null until written
 */
public record AccountArchive(long id, long accountId, String fileKey, Long fileSize, Instant createdAt,
                             Instant finishedAt) {

    public boolean finished() {
        return finishedAt != null;
    }
}
