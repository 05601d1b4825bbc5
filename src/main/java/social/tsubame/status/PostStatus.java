package social.tsubame.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.core.Uris;
import social.tsubame.media.AttachMedia;
import social.tsubame.queue.DomainEvents;
import social.tsubame.status.StatusEvents.StatusCreated;

/**
 * A local account posts a status, with the images it uploaded before. Timelines, notifications and federation follow
 * from the event it publishes.
 */
@Service
public class PostStatus {

    /**
     * @param mediaIds the author's uploads to attach, in the order to show them (at most four); null for none
     */
    public record Command(long accountId, String text, String spoilerText, boolean sensitive, Visibility visibility,
                          String language, Long inReplyToId, List<Long> mediaIds) {

        public Command {
            mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        }
    }

    private final Accounts accounts;
    private final Statuses statuses;
    private final LocalStatusText statusText;
    private final TimeOrderedIds ids;
    private final Uris uris;
    private final Clock clock;
    private final DomainEvents events;
    private final StatusTags tags;
    private final JdbcTemplate jdbc;
    private final AttachMedia attachMedia;

    public PostStatus(Accounts accounts, Statuses statuses, LocalStatusText statusText, TimeOrderedIds ids, Uris uris,
                      Clock clock, DomainEvents events, StatusTags tags, JdbcTemplate jdbc, AttachMedia attachMedia) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.statusText = statusText;
        this.ids = ids;
        this.uris = uris;
        this.clock = clock;
        this.events = events;
        this.tags = tags;
        this.jdbc = jdbc;
        this.attachMedia = attachMedia;
    }

    @Transactional
    public Status post(Command command) {
        Account author = accounts.findById(command.accountId()).filter(Account::isLocal)
                .orElseThrow(ApiException::notFound);
        LocalStatusText.Prepared text = statusText.prepare(command.text(), command.spoilerText(),
                !command.mediaIds().isEmpty());
        Status parent = command.inReplyToId() == null ? null : statuses.findById(command.inReplyToId())
                .filter(found -> !found.isDeleted()).orElseThrow(ApiException::notFound);
        long id = ids.next();
        Instant now = clock.instant();
        Visibility visibility = command.visibility() == null ? Visibility.PUBLIC : command.visibility();
        Status status = new Status(id, author.id(), uris.status(author.username(), id),
                uris.statusPage(author.username(), id), text.text(), text.html(), text.spoilerText(),
                command.sensitive() || !text.spoilerText().isBlank(), visibility, command.language(),
                parent == null ? null : parent.id(), parent == null ? null : parent.accountId(),
                parent == null ? null : parent.uri(), parent == null ? null : parent.conversationUri(), true, now);
        statuses.saveAndFlush(status);
        attachMedia.attach(id, author.id(), command.mediaIds());
        tags.record(id, StatusTags.in(text.text()));
        for (Account account : text.mentioned()) {
            jdbc.update("INSERT INTO mentions (id, status_id, account_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    ids.next(), id, account.id());
        }
        events.publish(new StatusCreated(id, author.id(), true, visibility, !command.mediaIds().isEmpty()));
        return status;
    }
}
