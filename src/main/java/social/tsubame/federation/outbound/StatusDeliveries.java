package social.tsubame.federation.outbound;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.ActorIds;
import social.tsubame.activitystreams.Activity;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.activitystreams.Note;
import social.tsubame.core.Uris;
import social.tsubame.federation.mapping.LocalStatusToNote;
import social.tsubame.federation.relay.Relays;
import social.tsubame.queue.EventListener;
import social.tsubame.status.Status;
import social.tsubame.status.StatusEvents.StatusCreated;
import social.tsubame.status.StatusEvents.StatusDeleted;
import social.tsubame.status.StatusEvents.StatusEdited;
import social.tsubame.status.Statuses;
import social.tsubame.status.Visibility;

/**
 * Sends local statuses to the servers that should have them: the inboxes of remote followers (each server's shared
 * inbox once, not each follower) unless the status is direct, and of mentioned remote accounts. A boost goes out as
 * an Announce, to the boosted author's server too. Public posts go to the relays that accepted us as well.
 */
@Component
class StatusDeliveries implements EventListener<StatusCreated> {

    private final Statuses statuses;
    private final Accounts accounts;
    private final LocalStatusToNote toNote;
    private final Deliveries deliveries;
    private final JdbcTemplate jdbc;
    private final Uris uris;
    private final ActorIds actorIds;
    private final Relays relays;

    StatusDeliveries(Statuses statuses, Accounts accounts, LocalStatusToNote toNote, Deliveries deliveries,
                     JdbcTemplate jdbc, Uris uris, ActorIds actorIds, Relays relays) {
        this.statuses = statuses;
        this.accounts = accounts;
        this.toNote = toNote;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.uris = uris;
        this.actorIds = actorIds;
        this.relays = relays;
    }

    @Override
    public String name() {
        return "federation.send-create";
    }

    @Override
    public Class<StatusCreated> eventType() {
        return StatusCreated.class;
    }

    @Override
    public boolean wants(StatusCreated event) {
        return event.local();
    }

    @Override
    public void on(StatusCreated event) {
        Status status = statuses.findById(event.statusId()).filter(found -> !found.isDeleted()).orElse(null);
        Account author = accounts.findById(event.accountId()).orElse(null);
        if (status == null || author == null) {
            return;
        }
        if (status.reblogOfId() != null) {
            announce(status, author).ifPresent(announce -> deliveries.deliver(announce, author, inboxes(status)));
            return;
        }
        Note note = toNote.convert(status, author);
        Activity create = new Activity(JsonLdContext.ACTIVITY_STREAMS, status.uri() + "/activity", "Create",
                note.attributedTo(), note.embedded(), note.to(), note.cc(), note.published());
        deliveries.deliver(create, author, inboxes(status));
    }

    /** The Announce of a local boost, addressed to everyone, the booster's followers and the original's author. */
    Optional<Activity> announce(Status boost, Account booster) {
        return statuses.findById(boost.reblogOfId()).map(original -> {
            String actor = uris.actor(booster.username());
            String originalAuthor = accounts.findById(original.accountId()).map(actorIds::of).orElse(null);
            List<String> cc = originalAuthor == null ? List.of(uris.followers(booster.username()))
                    : List.of(originalAuthor, uris.followers(booster.username()));
            return new Activity(JsonLdContext.ACTIVITY_STREAMS, boost.uri(), "Announce", actor, original.uri(),
                    List.of(JsonLdContext.PUBLIC_COLLECTION), cc,
                    DateTimeFormatter.ISO_INSTANT.format(boost.createdAt().truncatedTo(ChronoUnit.SECONDS)));
        });
    }

    Set<String> inboxes(Status status) {
        Set<String> inboxes = new LinkedHashSet<>();
        if (status.visibility() != Visibility.DIRECT) {
            inboxes.addAll(remoteFollowerInboxes(jdbc, status.accountId()));
        }
        if (status.reblogOfId() != null) {
            // The author of a boosted post hears of the boost even if none of its followers follows the booster.
            statuses.findById(status.reblogOfId()).flatMap(original -> accounts.findById(original.accountId()))
                    .filter(author -> !author.isLocal())
                    .ifPresent(author -> inboxes.add(Deliveries.inboxOf(author)));
        }
        if (status.visibility() == Visibility.PUBLIC && status.reblogOfId() == null) {
            // Relays pass public posts on to their other subscribers; their deletes and edits follow the same way.
            inboxes.addAll(relays.acceptedInboxes());
        }
        inboxes.addAll(jdbc.queryForList("""
                SELECT a.inbox_url FROM mentions m JOIN accounts a ON a.id = m.account_id
                WHERE m.status_id = ? AND a.domain IS NOT NULL AND a.inbox_url IS NOT NULL
                """, String.class, status.id()));
        return inboxes;
    }

    /** One inbox per remote server that has followers of the account: its shared inbox where it has one. */
    static List<String> remoteFollowerInboxes(JdbcTemplate jdbc, long accountId) {
        return jdbc.queryForList("""
                SELECT DISTINCT coalesce(a.shared_inbox_url, a.inbox_url)
                FROM follows f JOIN accounts a ON a.id = f.account_id
                WHERE f.target_account_id = ? AND a.domain IS NOT NULL
                  AND coalesce(a.shared_inbox_url, a.inbox_url) IS NOT NULL
                """, String.class, accountId);
    }

    /** Deleted local statuses are withdrawn from the same servers with a Delete of a Tombstone. */
    @Component
    static class SendDelete implements EventListener<StatusDeleted> {
        private final Accounts accounts;
        private final StatusDeliveries creates;
        private final Statuses statuses;
        private final Deliveries deliveries;
        private final Uris uris;

        SendDelete(Accounts accounts, StatusDeliveries creates, Statuses statuses, Deliveries deliveries, Uris uris) {
            this.accounts = accounts;
            this.creates = creates;
            this.statuses = statuses;
            this.deliveries = deliveries;
            this.uris = uris;
        }

        @Override
        public String name() {
            return "federation.send-delete";
        }

        @Override
        public Class<StatusDeleted> eventType() {
            return StatusDeleted.class;
        }

        @Override
        public boolean wants(StatusDeleted event) {
            return event.local();
        }

        @Override
        public void on(StatusDeleted event) {
            Account author = accounts.findById(event.accountId()).orElse(null);
            Status status = statuses.findById(event.statusId()).orElse(null);
            if (author == null || status == null) {
                return;
            }
            String actor = uris.actor(author.username());
            if (status.reblogOfId() != null) {
                creates.announce(status, author).ifPresent(announce -> deliveries.deliver(
                        Activity.of(event.uri() + "#undo", "Undo", actor, announce.embedded()), author,
                        creates.inboxes(status)));
                return;
            }
            Activity delete = new Activity(JsonLdContext.ACTIVITY_STREAMS, event.uri() + "#delete", "Delete", actor,
                    Map.of("id", event.uri(), "type", "Tombstone"),
                    List.of(JsonLdContext.PUBLIC_COLLECTION), null, null);
            deliveries.deliver(delete, author, creates.inboxes(status));
        }
    }

    /** Edited local statuses reach the same servers as an Update carrying the new Note. */
    @Component
    static class SendUpdate implements EventListener<StatusEdited> {
        private final Accounts accounts;
        private final StatusDeliveries creates;
        private final Statuses statuses;
        private final Deliveries deliveries;
        private final LocalStatusToNote toNote;

        SendUpdate(Accounts accounts, StatusDeliveries creates, Statuses statuses, Deliveries deliveries,
                   LocalStatusToNote toNote) {
            this.accounts = accounts;
            this.creates = creates;
            this.statuses = statuses;
            this.deliveries = deliveries;
            this.toNote = toNote;
        }

        @Override
        public String name() {
            return "federation.send-update";
        }

        @Override
        public Class<StatusEdited> eventType() {
            return StatusEdited.class;
        }

        @Override
        public void on(StatusEdited event) {
            Status status = statuses.findById(event.statusId()).filter(found -> found.isLocal() && !found.isDeleted())
                    .orElse(null);
            Account author = accounts.findById(event.accountId()).orElse(null);
            if (status == null || author == null) {
                return;
            }
            Note note = toNote.convert(status, author);
            Activity update = new Activity(JsonLdContext.ACTIVITY_STREAMS,
                    status.uri() + "#updates/" + event.editId(), "Update", note.attributedTo(), note.embedded(),
                    note.to(), note.cc(), note.updated());
            deliveries.deliver(update, author, creates.inboxes(status));
        }
    }
}
