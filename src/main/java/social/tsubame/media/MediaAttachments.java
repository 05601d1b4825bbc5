package social.tsubame.media;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MediaAttachments extends JpaRepository<MediaAttachment, Long> {

    /** An upload of the account that no status has taken yet: the only kind its owner may still read and change. */
    @Query("SELECT m FROM MediaAttachment m WHERE m.id = :id AND m.accountId = :accountId AND m.statusId IS NULL")
    Optional<MediaAttachment> findUnattached(long accountId, long id);

    /** The attachments of a status, in the order its author gave them. */
    @Query("SELECT m FROM MediaAttachment m WHERE m.statusId = :statusId ORDER BY m.position, m.id")
    List<MediaAttachment> ofStatus(long statusId);

    /** In SQL rather than JPQL: a JPQL query with a list parameter is translated again on every call. */
    @Query(value = "SELECT * FROM media_attachments WHERE status_id IN (:statusIds) ORDER BY status_id, position, id",
            nativeQuery = true)
    List<MediaAttachment> ofStatusesInOrder(Collection<Long> statusIds);

    /**
     * The attachments of many statuses in one query, for lists of statuses: by status id, each list in the order its
     * author gave. A status without attachments has no entry.
     */
    default Map<Long, List<MediaAttachment>> ofStatuses(Collection<Long> statusIds) {
        Map<Long, List<MediaAttachment>> byStatus = new LinkedHashMap<>();
        if (statusIds.isEmpty()) {
            return byStatus;
        }
        for (MediaAttachment media : ofStatusesInOrder(statusIds)) {
            byStatus.computeIfAbsent(media.statusId(), id -> new ArrayList<>()).add(media);
        }
        return byStatus;
    }
}
