package social.tsubame.notification;

import java.util.List;

/** Pages of an account's notifications, for the list the Mastodon API serves. */
public interface NotificationPages {

    /** Newest first, whichever bound the query reads from. */
    List<Notification> page(long recipientId, NotificationQuery query);
}
