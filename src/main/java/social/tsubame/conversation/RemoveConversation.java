package social.tsubame.conversation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/**
 * A local account takes a conversation off its list; the statuses stay. A later direct status of the thread starts
 * it again, as on Mastodon.
 */
@Service
public class RemoveConversation {

    private final AccountConversations conversations;

    public RemoveConversation(AccountConversations conversations) {
        this.conversations = conversations;
    }

    @Transactional
    public void remove(long accountId, long conversationId) {
        if (conversations.delete(conversationId, accountId) == 0) {
            throw ApiException.notFound();
        }
    }
}
