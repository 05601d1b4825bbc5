package social.tsubame.api.statuses;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.ApiStatus;
import social.tsubame.api.model.StatusesToApiStatuses;
import social.tsubame.boot.Roles;
import social.tsubame.status.StatusVisibility;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.PageParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** The caller's favourites and bookmarks, newest first by when they were made, not by the statuses' age. */
@RestController
@Profile(Roles.WEB)
class SavedStatusesController {

    private final NamedParameterJdbcTemplate jdbc;
    private final StatusVisibility visibility;
    private final StatusesToApiStatuses toApiStatuses;

    SavedStatusesController(NamedParameterJdbcTemplate jdbc, StatusVisibility visibility,
                            StatusesToApiStatuses toApiStatuses) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.toApiStatuses = toApiStatuses;
    }

    @GetMapping("/api/v1/favourites")
    @RequiresScope("read:favourites")
    ResponseEntity<List<ApiStatus>> favourites(@ApiParams PageParams paging, Caller caller,
                                               HttpServletRequest request) {
        return saved("favourites", paging, caller, request);
    }

    @GetMapping("/api/v1/bookmarks")
    @RequiresScope("read:bookmarks")
    ResponseEntity<List<ApiStatus>> bookmarks(@ApiParams PageParams paging, Caller caller, HttpServletRequest request) {
        return saved("bookmarks", paging, caller, request);
    }

    private ResponseEntity<List<ApiStatus>> saved(String table, PageParams paging, Caller caller,
                                                  HttpServletRequest request) {
        Page page = paging.page(40);
        Map<String, Object> params = new HashMap<>(Map.of("me", caller.accountId()));
        String sql = "SELECT r.id, r.status_id FROM " + table + " r WHERE r.account_id = :me"
                + page.sqlClause("r.id", params);
        record Saved(long id, long statusId) {
        }
        List<Saved> rows = page.newestFirst(jdbc.query(sql, params, (row, index) -> new Saved(row.getLong(1),
                row.getLong(2))));
        Optional<Long> viewer = Optional.of(caller.accountId());
        var visible = visibility.visible(viewer, rows.stream().map(Saved::statusId).toList());
        List<ApiStatus> statuses = toApiStatuses.many(rows.stream().map(Saved::statusId).filter(visible::contains)
                .toList(), viewer);
        return Page.respond(statuses, rows.stream().map(Saved::id).toList(), request);
    }
}
