package social.tsubame.api.statuses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.ApiAccount;
import social.tsubame.api.model.ApiDates;
import social.tsubame.api.model.ApiMediaAttachment;
import social.tsubame.api.model.ApiStatus;
import social.tsubame.api.model.StatusesToApiStatuses;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.status.EditLocalStatus;
import social.tsubame.status.StatusVisibility;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Editing a status, its source for the editor, and the versions it went through. */
@RestController
@Profile(Roles.WEB)
class StatusEditsController {

    record Edit(String status, String spoilerText, Boolean sensitive, String language) {
    }

    /** Mastodon's StatusSource entity. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Source(String id, String text, String spoilerText) {
    }

    /** Mastodon's StatusEdit entity: one version as it was shown. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Version(String content, String spoilerText, boolean sensitive, String createdAt, ApiAccount account,
                   Object poll, List<ApiMediaAttachment> mediaAttachments, List<Object> emojis) {
    }

    private final EditLocalStatus editLocalStatus;
    private final StatusVisibility visibility;
    private final StatusesToApiStatuses toApiStatuses;
    private final JdbcTemplate jdbc;

    StatusEditsController(EditLocalStatus editLocalStatus, StatusVisibility visibility,
                          StatusesToApiStatuses toApiStatuses, JdbcTemplate jdbc) {
        this.editLocalStatus = editLocalStatus;
        this.visibility = visibility;
        this.toApiStatuses = toApiStatuses;
        this.jdbc = jdbc;
    }

    @PutMapping("/api/v1/statuses/{id}")
    @RequiresScope("write:statuses")
    ApiStatus edit(@PathVariable("id") long id, @ApiParams Edit edit, Caller caller) {
        editLocalStatus.edit(new EditLocalStatus.Command(caller.accountId(), id, edit.status(), edit.spoilerText(),
                edit.sensitive(), edit.language()));
        return toApiStatuses.one(id, Optional.of(caller.accountId())).orElseThrow(ApiException::notFound);
    }

    @GetMapping("/api/v1/statuses/{id}/source")
    @RequiresScope("read:statuses")
    Source source(@PathVariable("id") long id, Caller caller) {
        return jdbc.query("SELECT text, spoiler_text FROM statuses WHERE id = ? AND account_id = ?"
                        + " AND deleted_at IS NULL",
                (row, index) -> new Source(Long.toString(id), row.getString(1), row.getString(2)), id,
                caller.accountId()).stream().findFirst().orElseThrow(ApiException::notFound);
    }

    @GetMapping("/api/v1/statuses/{id}/history")
    @RequiresScope("read:statuses")
    List<Version> history(@PathVariable("id") long id, Optional<Caller> caller) {
        if (!visibility.canSee(caller.map(Caller::accountId), id)) {
            throw ApiException.notFound();
        }
        ApiStatus current = toApiStatuses.one(id, caller.map(Caller::accountId)).orElseThrow(ApiException::notFound);
        record Earlier(String content, String spoilerText, boolean sensitive, Instant replacedAt) {
        }
        List<Earlier> earlier = jdbc.query("""
                SELECT text, spoiler_text, sensitive, created_at FROM status_edits WHERE status_id = ? ORDER BY id""",
                (row, index) -> new Earlier(row.getString(1), row.getString(2), row.getBoolean(3),
                        row.getTimestamp(4).toInstant()), id);
        // each stored version was shown from the previous edit (or the post itself) until the edit that replaced it
        List<Version> versions = new ArrayList<>();
        String shownSince = current.createdAt();
        for (Earlier version : earlier) {
            versions.add(new Version(version.content(), version.spoilerText(), version.sensitive(), shownSince,
                    current.account(), null, List.of(), List.of()));
            shownSince = ApiDates.format(version.replacedAt());
        }
        versions.add(new Version(current.content(), current.spoilerText(), current.sensitive(), shownSince,
                current.account(), null, current.mediaAttachments(), List.of()));
        return versions;
    }
}
