package social.tsubame.conversation;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.queue.DomainEvents;
import social.tsubame.queue.EventListener;
import social.tsubame.status.StatusEvents.StatusDeleted;

/**
 * Takes a deleted status out of every conversation holding it. A conversation left with none goes; one left with
 * others now ends with the latest of them, and its owner's apps are told.
 */
@Component
class RemoveFromConversations implements EventListener<StatusDeleted> {

    private final AccountConversations conversations;
    private final DomainEvents events;

    RemoveFromConversations(AccountConversations conversations, DomainEvents events) {
        this.conversations = conversations;
        this.events = events;
    }

    @Override
    public String name() {
        return "conversation.remove";
    }

    @Override
    public Class<StatusDeleted> eventType() {
        return StatusDeleted.class;
    }

    @Override
    @Transactional
    public void on(StatusDeleted event) {
        for (Map.Entry<Long, Long> conversation : conversations.ownersOfConversationsWith(event.statusId())
                .entrySet()) {
            if (conversations.removeStatus(conversation.getKey(), event.statusId())) {
                events.publish(new ConversationUpdated(conversation.getKey(), conversation.getValue()));
            }
        }
    }
}
