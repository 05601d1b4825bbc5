package social.tsubame.media;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/**
 * Attaches an author's uploads to the status being posted, in the order given, inside the transaction that stores
 * the status: a failure here leaves no status behind.
 */
@Service
public class AttachMedia {

    /** Mastodon's limit, which clients enforce as they would ours. */
    public static final int MAX_ATTACHMENTS = 4;

    private final JdbcTemplate jdbc;

    AttachMedia(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @throws ApiException 422 for more than four, or for an upload that is not the author's or is attached already
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void attach(long statusId, long authorId, List<Long> mediaIds) {
        if (mediaIds.size() > MAX_ATTACHMENTS) {
            throw ApiException.unprocessable("Validation failed: Cannot attach more than " + MAX_ATTACHMENTS
                    + " files");
        }
        for (int position = 0; position < mediaIds.size(); position++) {
            long mediaId = mediaIds.get(position);
            // One conditional update: of two posts racing for the same upload, the second finds it taken.
            int updated = jdbc.update("""
                    UPDATE media_attachments SET status_id = ?, position = ?, updated_at = now()
                    WHERE id = ? AND account_id = ? AND status_id IS NULL
                    """, statusId, position, mediaId, authorId);
            if (updated == 0) {
                throw ApiException.unprocessable("Validation failed: Media " + mediaId
                        + " not found or already attached to another post");
            }
        }
    }
}
