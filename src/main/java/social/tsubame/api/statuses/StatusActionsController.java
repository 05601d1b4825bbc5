package social.tsubame.api.statuses;

import java.text.BreakIterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.AccountRows;
import social.tsubame.api.model.ApiAccount;
import social.tsubame.api.model.ApiStatus;
import social.tsubame.api.model.StatusesToApiStatuses;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.status.BookmarkStatus;
import social.tsubame.status.PinStatus;
import social.tsubame.status.ReactToStatus;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.PageParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** What a user does to a status besides favouriting and boosting it, and who did what to it. */
@RestController
@Profile(Roles.WEB)
class StatusActionsController {

    private static final int MAX_EMOJI_LENGTH = 64;

    private final BookmarkStatus bookmarkStatus;
    private final PinStatus pinStatus;
    private final ReactToStatus reactToStatus;
    private final VisibleStatusIds statusIds;
    private final StatusesToApiStatuses toApiStatuses;
    private final AccountRows accountRows;

    StatusActionsController(BookmarkStatus bookmarkStatus, PinStatus pinStatus, ReactToStatus reactToStatus,
                            VisibleStatusIds statusIds, StatusesToApiStatuses toApiStatuses,
                            AccountRows accountRows) {
        this.bookmarkStatus = bookmarkStatus;
        this.pinStatus = pinStatus;
        this.reactToStatus = reactToStatus;
        this.statusIds = statusIds;
        this.toApiStatuses = toApiStatuses;
        this.accountRows = accountRows;
    }

    @PostMapping("/api/v1/statuses/{id}/bookmark")
    @RequiresScope("write:bookmarks")
    ApiStatus bookmark(@PathVariable("id") String id, Caller caller) {
        long statusId = statusIds.require(id, caller);
        bookmarkStatus.bookmark(caller.accountId(), statusId);
        return render(statusId, caller);
    }

    @PostMapping("/api/v1/statuses/{id}/unbookmark")
    @RequiresScope("write:bookmarks")
    ApiStatus unbookmark(@PathVariable("id") String id, Caller caller) {
        long statusId = statusIds.require(id, caller);
        bookmarkStatus.unbookmark(caller.accountId(), statusId);
        return render(statusId, caller);
    }

    @PostMapping("/api/v1/statuses/{id}/pin")
    @RequiresScope("write:accounts")
    ApiStatus pin(@PathVariable("id") String id, Caller caller) {
        long statusId = statusIds.require(id, caller);
        ApiStatus status = render(statusId, caller);
        if (!status.account().id().equals(Long.toString(caller.accountId()))
                || !List.of("public", "unlisted").contains(status.visibility())) {
            throw ApiException.unprocessable("Validation failed: Only your own public or unlisted posts can be pinned");
        }
        pinStatus.pin(caller.accountId(), statusId);
        return render(statusId, caller);
    }

    @PostMapping("/api/v1/statuses/{id}/unpin")
    @RequiresScope("write:accounts")
    ApiStatus unpin(@PathVariable("id") String id, Caller caller) {
        long statusId = statusIds.require(id, caller);
        pinStatus.unpin(caller.accountId(), statusId);
        return render(statusId, caller);
    }

    @PutMapping("/api/v1/pleroma/statuses/{id}/reactions/{emoji}")
    @RequiresScope("write:favourites")
    ApiStatus react(@PathVariable("id") String id, @PathVariable("emoji") String emoji, Caller caller) {
        long statusId = statusIds.require(id, caller);
        reactToStatus.react(caller.accountId(), statusId, singleEmoji(emoji), null);
        return render(statusId, caller);
    }

    @DeleteMapping("/api/v1/pleroma/statuses/{id}/reactions/{emoji}")
    @RequiresScope("write:favourites")
    ApiStatus unreact(@PathVariable("id") String id, @PathVariable("emoji") String emoji, Caller caller) {
        long statusId = statusIds.require(id, caller);
        reactToStatus.unreact(caller.accountId(), statusId, emoji);
        return render(statusId, caller);
    }

    @GetMapping("/api/v1/pleroma/statuses/{id}/reactions")
    @RequiresScope("read:statuses")
    List<ApiStatus.Reaction> reactions(@PathVariable("id") String id, Optional<Caller> caller) {
        long statusId = statusIds.require(id, caller);
        return toApiStatuses.one(statusId, caller.map(Caller::accountId)).orElseThrow(ApiException::notFound)
                .pleroma().emojiReactions();
    }

    @GetMapping("/api/v1/statuses/{id}/favourited_by")
    @RequiresScope("read:accounts")
    ResponseEntity<List<ApiAccount>> favouritedBy(@PathVariable("id") String id, @ApiParams PageParams paging,
                                                  Optional<Caller> caller, HttpServletRequest request) {
        long statusId = statusIds.require(id, caller);
        return accountRows.page("SELECT r.id AS row_id, r.account_id FROM favourites r WHERE r.status_id = :status",
                Map.of("status", statusId), paging.page(80), request);
    }

    @GetMapping("/api/v1/statuses/{id}/reblogged_by")
    @RequiresScope("read:accounts")
    ResponseEntity<List<ApiAccount>> rebloggedBy(@PathVariable("id") String id, @ApiParams PageParams paging,
                                                 Optional<Caller> caller, HttpServletRequest request) {
        long statusId = statusIds.require(id, caller);
        return accountRows.page("""
                SELECT r.id AS row_id, r.account_id FROM statuses r
                WHERE r.reblog_of_id = :status AND r.deleted_at IS NULL""",
                Map.of("status", statusId), paging.page(80), request);
    }

    /** One emoji: a single unicode emoji, as Pleroma's API takes it. */
    private static String singleEmoji(String emoji) {
        BreakIterator graphemes = BreakIterator.getCharacterInstance();
        graphemes.setText(emoji);
        graphemes.first();
        boolean single = emoji.length() <= MAX_EMOJI_LENGTH && graphemes.next() == emoji.length();
        if (!single || !Character.isEmoji(emoji.codePointAt(0))) {
            throw ApiException.unprocessable("Validation failed: " + emoji + " is not an emoji");
        }
        return emoji;
    }

    private ApiStatus render(long statusId, Caller caller) {
        return toApiStatuses.one(statusId, Optional.of(caller.accountId())).orElseThrow(ApiException::notFound);
    }
}
