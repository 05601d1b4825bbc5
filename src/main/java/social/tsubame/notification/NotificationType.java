package social.tsubame.notification;

import java.util.Arrays;
import java.util.Optional;

/** What a notification is about, by the names the Mastodon API gives them. */
public enum NotificationType {
    /** Someone mentioned the account. */
    MENTION("mention"),
    /** Someone the account asked to hear from posted. */
    STATUS("status"),
    /** Someone boosted the account's status. */
    REBLOG("reblog"),
    FOLLOW("follow"),
    FOLLOW_REQUEST("follow_request"),
    FAVOURITE("favourite"),
    /** A poll the account voted in or made has ended. */
    POLL("poll"),
    /** A status the account boosted was edited. */
    UPDATE("update"),
    /** Someone reacted to the account's status with an emoji (Pleroma's and Misskey's reactions). */
    REACTION("reaction"),
    ADMIN_SIGN_UP("admin.sign_up"),
    ADMIN_REPORT("admin.report"),
    /** A moderator warned the account, or explained an action taken on it. */
    MODERATION_WARNING("moderation_warning");

    private final String apiValue;

    NotificationType(String apiValue) {
        this.apiValue = apiValue;
    }

    public String apiValue() {
        return apiValue;
    }

    /** The type of an API name; empty for a name we do not know, which the Mastodon API ignores in filters. */
    public static Optional<NotificationType> ofApiValue(String value) {
        return Arrays.stream(values()).filter(type -> type.apiValue.equals(value)).findFirst();
    }
}
