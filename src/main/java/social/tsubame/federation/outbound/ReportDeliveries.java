package social.tsubame.federation.outbound;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.ActorIds;
import social.tsubame.account.InstanceActorAccount;
import social.tsubame.activitystreams.Flag;
import social.tsubame.moderation.Report;
import social.tsubame.moderation.ReportForwarded;
import social.tsubame.moderation.Reports;
import social.tsubame.queue.EventListener;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;

/**
 * A report a user asked to forward goes to the reported account's server as a Flag from the server's own actor, as
 * Mastodon sends it, so the reporter stays unnamed there.
 */
@Component
class ReportDeliveries implements EventListener<ReportForwarded> {

    private final Reports reports;
    private final Accounts accounts;
    private final Statuses statuses;
    private final InstanceActorAccount instanceActor;
    private final ActorIds actorIds;
    private final Deliveries deliveries;

    ReportDeliveries(Reports reports, Accounts accounts, Statuses statuses, InstanceActorAccount instanceActor,
                     ActorIds actorIds, Deliveries deliveries) {
        this.reports = reports;
        this.accounts = accounts;
        this.statuses = statuses;
        this.instanceActor = instanceActor;
        this.actorIds = actorIds;
        this.deliveries = deliveries;
    }

    @Override
    public String name() {
        return "federation.send-flag";
    }

    @Override
    public Class<ReportForwarded> eventType() {
        return ReportForwarded.class;
    }

    @Override
    public void on(ReportForwarded event) {
        reports.findById(event.reportId()).ifPresent(report -> accounts.findById(report.targetAccountId())
                .filter(target -> !target.isLocal()).ifPresent(target -> send(report, target)));
    }

    private void send(Report report, Account target) {
        Account actor = instanceActor.get();
        String actorId = actorIds.of(actor);
        List<String> objects = new ArrayList<>();
        objects.add(target.uri());
        statuses.findAllById(report.statusIds()).stream().map(Status::uri).forEach(objects::add);
        Flag flag = Flag.of(actorId + "#reports/" + report.id(), actorId, objects, report.comment());
        deliveries.deliver(flag, actor, List.of(Deliveries.inboxOf(target)));
    }
}
