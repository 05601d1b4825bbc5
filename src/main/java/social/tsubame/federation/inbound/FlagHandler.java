package social.tsubame.federation.inbound;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.activitystreams.AsNodes;
import social.tsubame.core.Uris;
import social.tsubame.federation.DomainPolicy;
import social.tsubame.moderation.ReceiveRemoteReport;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;

/**
 * {@code Flag}: a remote server reports an account, often with some of its posts. Mastodon and Misskey send it from
 * their instance actor with {@code object} listing the account then the posts; Pleroma may send a single id. The first
 * account we know is the target; reports about accounts we have never seen, or from domains whose reports the admin
 * rejects, are dropped.
 */
@Component
class FlagHandler implements ActivityHandler {

    private final Uris uris;
    private final LocalTargets localTargets;
    private final Accounts accounts;
    private final Statuses statuses;
    private final DomainPolicy domains;
    private final ReceiveRemoteReport receiveReport;

    FlagHandler(Uris uris, LocalTargets localTargets, Accounts accounts, Statuses statuses, DomainPolicy domains,
                ReceiveRemoteReport receiveReport) {
        this.uris = uris;
        this.localTargets = localTargets;
        this.accounts = accounts;
        this.statuses = statuses;
        this.domains = domains;
        this.receiveReport = receiveReport;
    }

    @Override
    public String activityType() {
        return "Flag";
    }

    @Override
    public void handle(IncomingActivity activity) {
        if (domains.rejectsReports(activity.actor().domain())) {
            return;
        }
        List<String> objects = AsNodes.idsOf(activity.json().path("object"));
        objects.stream().map(this::account).flatMap(Optional::stream).findFirst()
                .ifPresent(target -> receiveReport.receive(new ReceiveRemoteReport.Command(activity.actor().id(),
                        target.id(), objects.stream().map(statuses::findByUri).flatMap(Optional::stream)
                        .map(Status::id).toList(),
                        AsNodes.text(activity.json(), "content").orElse(""),
                        AsNodes.text(activity.json(), "id").orElse(null))));
    }

    /** An account by its actor URI: a local one by its name, a remote one only when already known. */
    private Optional<Account> account(String uri) {
        if (uris.isLocal(uri)) {
            return localTargets.byActorUri(uri);
        }
        return accounts.findByUri(uri).filter(account -> !account.isLocal());
    }
}
