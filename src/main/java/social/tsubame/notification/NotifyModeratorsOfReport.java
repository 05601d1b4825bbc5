package social.tsubame.notification;

import java.util.EnumSet;

import org.springframework.stereotype.Component;

import social.tsubame.account.Role;
import social.tsubame.account.Users;
import social.tsubame.moderation.ReportReceived;
import social.tsubame.moderation.Reports;
import social.tsubame.notification.NotifyAccount.Notice;
import social.tsubame.queue.EventListener;

/** Tells every owner, admin and moderator of a new report, as Mastodon's {@code admin.report} notification. */
@Component
class NotifyModeratorsOfReport implements EventListener<ReportReceived> {

    private static final EnumSet<Role> MODERATING = EnumSet.of(Role.OWNER, Role.ADMIN, Role.MODERATOR);

    private final Reports reports;
    private final Users users;
    private final NotifyAccount notify;

    NotifyModeratorsOfReport(Reports reports, Users users, NotifyAccount notify) {
        this.reports = reports;
        this.users = users;
        this.notify = notify;
    }

    @Override
    public String name() {
        return "notification.admin-report";
    }

    @Override
    public Class<ReportReceived> eventType() {
        return ReportReceived.class;
    }

    @Override
    public void on(ReportReceived event) {
        reports.findById(event.reportId()).ifPresent(report -> users.findAccountIdsByRoleIn(MODERATING)
                .forEach(moderatorId -> notify.notify(Notice.ofReport(moderatorId, report.accountId(), report.id()))));
    }
}
