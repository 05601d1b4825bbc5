package social.tsubame.conversation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/** A local account marks one of its conversations read. */
@Service
public class MarkConversationRead {

    private final AccountConversations conversations;

    public MarkConversationRead(AccountConversations conversations) {
        this.conversations = conversations;
    }

    @Transactional
    public AccountConversation markRead(long accountId, long conversationId) {
        if (conversations.markRead(conversationId, accountId) == 0) {
            throw ApiException.notFound();
        }
        return conversations.findOwned(conversationId, accountId).orElseThrow();
    }
}
