package social.tsubame.streaming;

import java.util.List;

import org.springframework.stereotype.Component;

import social.tsubame.api.model.ConversationsToApiConversations;
import social.tsubame.conversation.AccountConversations;
import social.tsubame.conversation.ConversationUpdated;
import social.tsubame.queue.EventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a changed conversation to its owner as {@code conversation} on the {@code direct} stream, rendered for
 * the owner; it goes to no one else. Nothing goes out for a conversation removed before the job ran.
 */
@Component
class StreamConversation implements EventListener<ConversationUpdated> {

    private final AccountConversations conversations;
    private final ConversationsToApiConversations rendering;
    private final StreamChannels channels;
    private final StreamPublisher publisher;
    private final JsonMapper json;

    StreamConversation(AccountConversations conversations, ConversationsToApiConversations rendering,
                       StreamChannels channels, StreamPublisher publisher, JsonMapper json) {
        this.conversations = conversations;
        this.rendering = rendering;
        this.channels = channels;
        this.publisher = publisher;
        this.json = json;
    }

    @Override
    public String name() {
        return "streaming.conversation";
    }

    @Override
    public Class<ConversationUpdated> eventType() {
        return ConversationUpdated.class;
    }

    @Override
    public void on(ConversationUpdated event) {
        conversations.findOwned(event.conversationId(), event.accountId()).ifPresent(conversation ->
                publisher.publish(new StreamEvent(StreamEvent.CONVERSATION,
                        json.writeValueAsString(rendering.one(conversation))),
                        List.of(channels.direct(event.accountId()))));
    }
}
