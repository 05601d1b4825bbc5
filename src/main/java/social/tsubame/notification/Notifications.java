package social.tsubame.notification;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** The notifications of local accounts; every lookup names the recipient, so nobody reads another's. */
public interface Notifications extends JpaRepository<Notification, Long>, NotificationPages {

    @Query("SELECT n FROM Notification n WHERE n.id = ?1 AND n.recipientId = ?2")
    Optional<Notification> findForRecipient(long id, long recipientId);

    /** Returns how many it removed: 0 when the recipient has no such notification. */
    @Transactional
    @Modifying
    @Query("DELETE FROM Notification n WHERE n.id = ?1 AND n.recipientId = ?2")
    int dismiss(long id, long recipientId);

    @Transactional
    @Modifying
    @Query("DELETE FROM Notification n WHERE n.recipientId = ?1")
    int clear(long recipientId);
}
