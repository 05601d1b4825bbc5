package social.tsubame.api.accounts;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.account.AuthorizeFollowRequest;
import social.tsubame.account.BlockAccount;
import social.tsubame.account.MuteAccount;
import social.tsubame.account.RejectFollowRequest;
import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.api.model.ApiRelationship;
import social.tsubame.api.model.RelationshipsToApiRelationships;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** Blocking, muting and answering follow requests; each answers the relationship as it now stands. */
@RestController
@Profile(Roles.WEB)
class RelationshipActionsController {

    record MuteOptions(Boolean notifications, Long duration) {
    }

    private final BlockAccount blockAccount;
    private final MuteAccount muteAccount;
    private final AuthorizeFollowRequest authorizeFollowRequest;
    private final RejectFollowRequest rejectFollowRequest;
    private final AccountsToApiAccounts accounts;
    private final RelationshipsToApiRelationships relationships;

    RelationshipActionsController(BlockAccount blockAccount, MuteAccount muteAccount,
                                  AuthorizeFollowRequest authorizeFollowRequest,
                                  RejectFollowRequest rejectFollowRequest, AccountsToApiAccounts accounts,
                                  RelationshipsToApiRelationships relationships) {
        this.blockAccount = blockAccount;
        this.muteAccount = muteAccount;
        this.authorizeFollowRequest = authorizeFollowRequest;
        this.rejectFollowRequest = rejectFollowRequest;
        this.accounts = accounts;
        this.relationships = relationships;
    }

    @PostMapping("/api/v1/accounts/{id}/block")
    @RequiresScope("write:blocks")
    ApiRelationship block(@PathVariable("id") long id, Caller caller) {
        blockAccount.block(caller.accountId(), existing(id));
        return relationship(caller, id);
    }

    @PostMapping("/api/v1/accounts/{id}/unblock")
    @RequiresScope("write:blocks")
    ApiRelationship unblock(@PathVariable("id") long id, Caller caller) {
        blockAccount.unblock(caller.accountId(), existing(id));
        return relationship(caller, id);
    }

    @PostMapping("/api/v1/accounts/{id}/mute")
    @RequiresScope("write:mutes")
    ApiRelationship mute(@PathVariable("id") long id, @ApiParams MuteOptions options, Caller caller) {
        if (options.duration() != null && options.duration() < 0) {
            throw ApiException.unprocessable("Validation failed: Duration must be zero or more seconds");
        }
        muteAccount.mute(caller.accountId(), existing(id), !Boolean.FALSE.equals(options.notifications()),
                options.duration() == null ? null : Duration.ofSeconds(options.duration()));
        return relationship(caller, id);
    }

    @PostMapping("/api/v1/accounts/{id}/unmute")
    @RequiresScope("write:mutes")
    ApiRelationship unmute(@PathVariable("id") long id, Caller caller) {
        muteAccount.unmute(caller.accountId(), existing(id));
        return relationship(caller, id);
    }

    @PostMapping("/api/v1/follow_requests/{id}/authorize")
    @RequiresScope("write:follows")
    ApiRelationship authorize(@PathVariable("id") long id, Caller caller) {
        authorizeFollowRequest.authorize(caller.accountId(), existing(id));
        return relationship(caller, id);
    }

    @PostMapping("/api/v1/follow_requests/{id}/reject")
    @RequiresScope("write:follows")
    ApiRelationship reject(@PathVariable("id") long id, Caller caller) {
        rejectFollowRequest.reject(caller.accountId(), existing(id));
        return relationship(caller, id);
    }

    private long existing(long id) {
        accounts.one(id).orElseThrow(ApiException::notFound);
        return id;
    }

    private ApiRelationship relationship(Caller caller, long id) {
        return relationships.of(caller.accountId(), List.of(id)).getFirst();
    }
}
