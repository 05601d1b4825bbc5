package social.tsubame.filter;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import social.tsubame.filter.CustomFilter.FilterKeyword;
import social.tsubame.filter.CustomFilter.FilteredStatus;

/** The filters of local accounts; lookups name the owner, so nobody reaches another's filter. */
@Repository
public class CustomFilters {

    private final NamedParameterJdbcTemplate jdbc;

    public CustomFilters(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every filter of the account with its keywords and statuses, in three queries. */
    public List<CustomFilter> ownedBy(long accountId) {
        return load("f.account_id = :account", new MapSqlParameterSource("account", accountId));
    }

    public Optional<CustomFilter> findOwned(long filterId, long accountId) {
        return load("f.id = :id AND f.account_id = :account",
                new MapSqlParameterSource("id", filterId).addValue("account", accountId)).stream().findFirst();
    }

    public Optional<FilterKeyword> findKeywordOwned(long keywordId, long accountId) {
        return jdbc.query("""
                SELECT k.* FROM custom_filter_keywords k JOIN custom_filters f ON f.id = k.filter_id
                WHERE k.id = :id AND f.account_id = :account""",
                Map.of("id", keywordId, "account", accountId), CustomFilters::keyword).stream().findFirst();
    }

    public Optional<FilteredStatus> findStatusOwned(long filterStatusId, long accountId) {
        return jdbc.query("""
                SELECT s.* FROM custom_filter_statuses s JOIN custom_filters f ON f.id = s.filter_id
                WHERE s.id = :id AND f.account_id = :account""",
                Map.of("id", filterStatusId, "account", accountId), CustomFilters::status).stream().findFirst();
    }

    void insert(long id, long accountId, String title, Set<FilterContext> contexts, FilterAction action,
                Instant expiresAt, Instant now) {
        jdbc.update("""
                INSERT INTO custom_filters (id, account_id, title, context, action, expires_at, created_at, updated_at)
                VALUES (:id, :account, :title, :context, :action, :expiresAt, :now, :now)""",
                new MapSqlParameterSource("id", id).addValue("account", accountId).addValue("title", title)
                        .addValue("context", contextArray(contexts)).addValue("action", action.apiName())
                        .addValue("expiresAt", timestamp(expiresAt)).addValue("now", Timestamp.from(now)));
    }

    void update(long id, String title, Set<FilterContext> contexts, FilterAction action, Instant expiresAt,
                Instant now) {
        jdbc.update("""
                UPDATE custom_filters SET title = :title, context = :context, action = :action,
                       expires_at = :expiresAt, updated_at = :now
                WHERE id = :id""",
                new MapSqlParameterSource("id", id).addValue("title", title)
                        .addValue("context", contextArray(contexts)).addValue("action", action.apiName())
                        .addValue("expiresAt", timestamp(expiresAt)).addValue("now", Timestamp.from(now)));
    }

    void delete(long id) {
        jdbc.update("DELETE FROM custom_filters WHERE id = :id", Map.of("id", id));
    }

    void insertKeyword(long id, long filterId, String keyword, boolean wholeWord) {
        jdbc.update("""
                INSERT INTO custom_filter_keywords (id, filter_id, keyword, whole_word)
                VALUES (:id, :filter, :keyword, :wholeWord)""",
                Map.of("id", id, "filter", filterId, "keyword", keyword, "wholeWord", wholeWord));
    }

    void updateKeyword(long id, String keyword, boolean wholeWord) {
        jdbc.update("UPDATE custom_filter_keywords SET keyword = :keyword, whole_word = :wholeWord WHERE id = :id",
                Map.of("id", id, "keyword", keyword, "wholeWord", wholeWord));
    }

    void deleteKeyword(long id) {
        jdbc.update("DELETE FROM custom_filter_keywords WHERE id = :id", Map.of("id", id));
    }

    void insertStatus(long id, long filterId, long statusId) {
        jdbc.update("""
                INSERT INTO custom_filter_statuses (id, filter_id, status_id) VALUES (:id, :filter, :status)
                ON CONFLICT DO NOTHING""", Map.of("id", id, "filter", filterId, "status", statusId));
    }

    void deleteStatus(long id) {
        jdbc.update("DELETE FROM custom_filter_statuses WHERE id = :id", Map.of("id", id));
    }

    private record FilterRow(long id, long accountId, String title, Set<FilterContext> contexts,
                             FilterAction action, Instant expiresAt) {
    }

    private List<CustomFilter> load(String condition, MapSqlParameterSource params) {
        Map<Long, FilterRow> rows = new LinkedHashMap<>();
        jdbc.query("SELECT f.* FROM custom_filters f WHERE " + condition + " ORDER BY f.id", params,
                (ResultSet row) -> {
                    FilterRow mapped = new FilterRow(row.getLong("id"), row.getLong("account_id"),
                            row.getString("title"), contexts(row.getArray("context")),
                            FilterAction.of(row.getString("action")), instant(row.getTimestamp("expires_at")));
                    rows.put(mapped.id(), mapped);
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Object> ids = Map.of("ids", rows.keySet());
        Map<Long, List<FilterKeyword>> keywords = new HashMap<>();
        jdbc.query("SELECT * FROM custom_filter_keywords WHERE filter_id IN (:ids) ORDER BY id", ids,
                (ResultSet row) -> {
                    FilterKeyword keyword = keyword(row, 0);
                    keywords.computeIfAbsent(keyword.filterId(), key -> new ArrayList<>()).add(keyword);
                });
        Map<Long, List<FilteredStatus>> statuses = new HashMap<>();
        jdbc.query("SELECT * FROM custom_filter_statuses WHERE filter_id IN (:ids) ORDER BY id", ids,
                (ResultSet row) -> {
                    FilteredStatus status = status(row, 0);
                    statuses.computeIfAbsent(status.filterId(), key -> new ArrayList<>()).add(status);
                });
        return rows.values().stream().map(row -> new CustomFilter(row.id(), row.accountId(), row.title(),
                row.contexts(), row.action(), row.expiresAt(), keywords.getOrDefault(row.id(), List.of()),
                statuses.getOrDefault(row.id(), List.of()))).toList();
    }

    private static FilterKeyword keyword(ResultSet row, int rowNumber) throws SQLException {
        return new FilterKeyword(row.getLong("id"), row.getLong("filter_id"), row.getString("keyword"),
                row.getBoolean("whole_word"));
    }

    private static FilteredStatus status(ResultSet row, int rowNumber) throws SQLException {
        return new FilteredStatus(row.getLong("id"), row.getLong("filter_id"), row.getLong("status_id"));
    }

    private static Set<FilterContext> contexts(Array array) throws SQLException {
        Set<FilterContext> contexts = EnumSet.noneOf(FilterContext.class);
        Arrays.stream((String[]) array.getArray()).map(FilterContext::of).forEach(contexts::add);
        return contexts;
    }

    private static String[] contextArray(Set<FilterContext> contexts) {
        return contexts.stream().map(FilterContext::apiName).toArray(String[]::new);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
