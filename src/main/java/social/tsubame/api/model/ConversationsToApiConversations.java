package social.tsubame.api.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import social.tsubame.conversation.AccountConversation;
import social.tsubame.status.StatusVisibility;

/**
 * Renders a page of one account's conversations, their participants and last statuses fetched once for the page.
 * A conversation with nobody else shows its owner, as Mastodon does; a last status the owner may no longer see is
 * null.
 */
@Component
public class ConversationsToApiConversations {

    private final AccountsToApiAccounts accounts;
    private final StatusesToApiStatuses statuses;
    private final StatusVisibility visibility;

    public ConversationsToApiConversations(AccountsToApiAccounts accounts, StatusesToApiStatuses statuses,
                                           StatusVisibility visibility) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.visibility = visibility;
    }

    public ApiConversation one(AccountConversation conversation) {
        return many(List.of(conversation), conversation.accountId()).getFirst();
    }

    public List<ApiConversation> many(List<AccountConversation> conversations, long viewerId) {
        if (conversations.isEmpty()) {
            return List.of();
        }
        Set<Long> accountIds = new HashSet<>();
        accountIds.add(viewerId);
        conversations.forEach(conversation -> accountIds.addAll(conversation.participantIds()));
        Map<Long, ApiAccount> rendered = accounts.many(accountIds);
        Set<Long> visible = visibility.visible(Optional.of(viewerId),
                conversations.stream().map(AccountConversation::lastStatusId).distinct().toList());
        Map<String, ApiStatus> lastStatuses = statuses.many(List.copyOf(visible), Optional.of(viewerId)).stream()
                .collect(Collectors.toMap(ApiStatus::id, Function.identity()));
        List<ApiConversation> page = new ArrayList<>();
        for (AccountConversation conversation : conversations) {
            List<ApiAccount> others = conversation.participantIds().stream().map(rendered::get)
                    .filter(Objects::nonNull).toList();
            List<ApiAccount> shown = conversation.participantIds().isEmpty() && rendered.containsKey(viewerId)
                    ? List.of(rendered.get(viewerId)) : others;
            page.add(new ApiConversation(Long.toString(conversation.id()), conversation.unread(), shown,
                    lastStatuses.get(Long.toString(conversation.lastStatusId()))));
        }
        return page;
    }
}
