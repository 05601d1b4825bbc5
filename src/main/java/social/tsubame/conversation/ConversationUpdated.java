package social.tsubame.conversation;

/** A direct status came into a local account's conversation, or one left it and others remain. */
public record ConversationUpdated(long conversationId, long accountId) {
}
