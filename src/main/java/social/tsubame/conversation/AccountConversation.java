package social.tsubame.conversation;

import java.util.List;

/**
 * A local account's conversation: the direct statuses of one thread among the same people, as Mastodon keeps them.
 *
 * @param participantIds the others in it, without the owner; none when the owner wrote only to themselves
 * @param unread         whether someone else wrote the status that came last
 */
public record AccountConversation(long id, long accountId, List<Long> participantIds, long lastStatusId,
                                  boolean unread) {

    public AccountConversation {
        participantIds = List.copyOf(participantIds);
    }
}
