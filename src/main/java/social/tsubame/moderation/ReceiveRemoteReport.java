package social.tsubame.moderation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;

/**
 * A remote server reports an account we know. The report keeps only the named statuses that are the target's and
 * still here, so a server cannot point moderators at someone else's posts; a Flag delivered twice is one report.
 */
@Service
public class ReceiveRemoteReport {

    /**
     * @param reporterId the remote actor that sent the Flag
     * @param statusIds  the statuses the Flag named that we have, by anyone
     * @param uri        the Flag's id
     */
    public record Command(long reporterId, long targetAccountId, List<Long> statusIds, String comment, String uri) {
    }

    private final Reports reports;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final DomainEvents events;

    public ReceiveRemoteReport(Reports reports, JdbcTemplate jdbc, TimeOrderedIds ids, DomainEvents events) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
    }

    /** Returns the new report's id; empty when the Flag was seen before. */
    @Transactional
    public Optional<Long> receive(Command command) {
        Report report = Report.filed(ids.next(), command.reporterId(), command.targetAccountId(),
                statusesOfTarget(command), command.comment() == null ? "" : command.comment(), "other", List.of(),
                false, command.uri());
        if (!reports.addIfNew(report)) {
            return Optional.empty();
        }
        events.publish(new ReportReceived(report.id()));
        return Optional.of(report.id());
    }

    private List<Long> statusesOfTarget(Command command) {
        if (command.statusIds().isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("SELECT id FROM statuses WHERE id = ANY (?::bigint[]) AND account_id = ? "
                        + "AND deleted_at IS NULL ORDER BY id",
                Long.class, Reports.arrayLiteral(command.statusIds()), command.targetAccountId());
    }
}
