package social.tsubame.timeline;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The lists of local accounts; lookups name the owner, so nobody reaches another's list. */
public interface Lists extends JpaRepository<TimelineList, Long> {

    @Query("SELECT l FROM TimelineList l WHERE l.ownerId = ?1 ORDER BY l.id")
    List<TimelineList> findOwnedBy(long ownerId);

    @Query("SELECT l FROM TimelineList l WHERE l.id = ?1 AND l.ownerId = ?2")
    Optional<TimelineList> findOwned(long listId, long ownerId);

    @Query("SELECT count(l) FROM TimelineList l WHERE l.ownerId = ?1")
    long countOwnedBy(long ownerId);

    @Query(value = """
            SELECT l.* FROM lists l JOIN list_accounts la ON la.list_id = l.id
            WHERE l.account_id = ?1 AND la.account_id = ?2 ORDER BY l.id""", nativeQuery = true)
    List<TimelineList> findOwnedContaining(long ownerId, long accountId);
}
