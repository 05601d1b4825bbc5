package social.tsubame.moderation;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.instance.ServerRules;
import social.tsubame.queue.DomainEvents;

/**
 * A local user reports an account, perhaps with some of its posts. Naming rules makes it a {@code violation}, as in
 * Mastodon; it is forwarded to the account's server only when asked and only when that server is another one.
 */
@Service
public class FileReport {

    public static final int MAX_COMMENT_LENGTH = 1000;

    /** @param category null to let the rules decide: {@code violation} with rules, {@code other} without */
    public record Command(long reporterId, long targetAccountId, List<Long> statusIds, String comment,
                          String category, List<Long> ruleIds, boolean forward) {
    }

    private final Reports reports;
    private final Accounts accounts;
    private final ServerRules rules;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final DomainEvents events;

    public FileReport(Reports reports, Accounts accounts, ServerRules rules, JdbcTemplate jdbc, TimeOrderedIds ids,
                      DomainEvents events) {
        this.reports = reports;
        this.accounts = accounts;
        this.rules = rules;
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
    }

    /**
     * @throws ApiException 404 when the account is unknown; 422 for a bad category, comment, rule or status
     */
    @Transactional
    public Report file(Command command) {
        Account target = accounts.findById(command.targetAccountId()).orElseThrow(ApiException::notFound);
        if (target.id() == command.reporterId()) {
            throw ApiException.unprocessable("Validation failed: you cannot report yourself");
        }
        String comment = command.comment() == null ? "" : command.comment().strip();
        if (comment.codePointCount(0, comment.length()) > MAX_COMMENT_LENGTH) {
            throw ApiException.unprocessable("Validation failed: comment is longer than " + MAX_COMMENT_LENGTH
                    + " characters");
        }
        List<Long> ruleIds = command.ruleIds() == null ? List.of() : command.ruleIds();
        String category = !ruleIds.isEmpty() ? ReportCategories.VIOLATION
                : command.category() == null || command.category().isBlank() ? "other"
                : ReportCategories.valid(command.category());
        List<Long> statusIds = statusesOfTarget(command.statusIds(), target.id());
        boolean forward = command.forward() && !target.isLocal();
        Report report = Report.filed(ids.next(), command.reporterId(), target.id(), statusIds, comment, category,
                ReportCategories.rulesFor(category, ruleIds, rules), forward, null);
        reports.addIfNew(report);
        events.publish(new ReportReceived(report.id()));
        if (forward) {
            events.publish(new ReportForwarded(report.id()));
        }
        return reports.findById(report.id()).orElseThrow();
    }

    private List<Long> statusesOfTarget(List<Long> statusIds, long targetId) {
        if (statusIds == null || statusIds.isEmpty()) {
            return List.of();
        }
        List<Long> distinct = statusIds.stream().distinct().sorted().toList();
        List<Long> found = jdbc.queryForList("SELECT id FROM statuses WHERE id = ANY (?::bigint[]) "
                + "AND account_id = ? AND deleted_at IS NULL ORDER BY id", Long.class,
                Reports.arrayLiteral(distinct), targetId);
        if (found.size() != distinct.size()) {
            throw ApiException.unprocessable("Validation failed: status_ids must be posts of the reported account");
        }
        return found;
    }
}
