package social.tsubame.api.conversations;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.ApiConversation;
import social.tsubame.api.model.ConversationsToApiConversations;
import social.tsubame.boot.Roles;
import social.tsubame.conversation.AccountConversation;
import social.tsubame.conversation.AccountConversations;
import social.tsubame.conversation.MarkConversationRead;
import social.tsubame.conversation.RemoveConversation;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.PageParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** The caller's conversations (direct messages); one that is not the caller's is answered 404. */
@RestController
@Profile(Roles.WEB)
class ConversationsController {

    private static final int MAX_LIMIT = 40;

    private final AccountConversations conversations;
    private final ConversationsToApiConversations toApi;
    private final MarkConversationRead markRead;
    private final RemoveConversation removeConversation;

    ConversationsController(AccountConversations conversations, ConversationsToApiConversations toApi,
                            MarkConversationRead markRead, RemoveConversation removeConversation) {
        this.conversations = conversations;
        this.toApi = toApi;
        this.markRead = markRead;
        this.removeConversation = removeConversation;
    }

    /** Paged, as on Mastodon, by each conversation's last status; read with {@code read:statuses}, as there. */
    @GetMapping("/api/v1/conversations")
    @RequiresScope("read:statuses")
    ResponseEntity<List<ApiConversation>> list(@ApiParams PageParams paging, Caller caller,
                                               HttpServletRequest request) {
        List<AccountConversation> page = conversations.page(caller.accountId(), paging.page(MAX_LIMIT));
        return Page.respond(toApi.many(page, caller.accountId()),
                page.stream().map(AccountConversation::lastStatusId).toList(), request);
    }

    @PostMapping("/api/v1/conversations/{id}/read")
    @RequiresScope("write:conversations")
    ApiConversation read(@PathVariable("id") long id, Caller caller) {
        return toApi.one(markRead.markRead(caller.accountId(), id));
    }

    @DeleteMapping("/api/v1/conversations/{id}")
    @RequiresScope("write:conversations")
    Map<String, Object> remove(@PathVariable("id") long id, Caller caller) {
        removeConversation.remove(caller.accountId(), id);
        return Map.of();
    }
}
