package social.tsubame.federation.web;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.activitystreams.Note;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.federation.mapping.LocalStatusToNote;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import social.tsubame.status.Visibility;

/**
 * Local statuses at their ids, for servers that fetch them. Followers-only and direct statuses are not served to
 * anyone yet: that needs the signed fetch of an allowed actor.
 */
@RestController
@Profile(Roles.FEDERATION)
class StatusObjectController {

    private final Accounts accounts;
    private final Statuses statuses;
    private final LocalStatusToNote toNote;

    StatusObjectController(Accounts accounts, Statuses statuses, LocalStatusToNote toNote) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.toNote = toNote;
    }

    @GetMapping(value = "/users/{username}/statuses/{id}", produces = {ActivityPubMediaTypes.ACTIVITY_JSON,
            ActivityPubMediaTypes.LD_JSON_ACTIVITY_STREAMS, ActivityPubMediaTypes.LD_JSON, "application/json"})
    ResponseEntity<Note> note(@PathVariable String username, @PathVariable long id) {
        Account author = accounts.findLocal(username).filter(found -> !found.suspended())
                .orElseThrow(ApiException::notFound);
        Status status = statuses.findById(id)
                .filter(found -> found.accountId() == author.id() && found.reblogOfId() == null)
                .filter(found -> found.visibility() == Visibility.PUBLIC || found.visibility() == Visibility.UNLISTED)
                .orElseThrow(ApiException::notFound);
        if (status.isDeleted()) {
            throw new ApiException(HttpStatus.GONE, "Gone");
        }
        return ResponseEntity.ok().varyBy("Accept").body(toNote.convert(status, author));
    }
}
