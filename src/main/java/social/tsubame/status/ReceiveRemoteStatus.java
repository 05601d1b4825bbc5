package social.tsubame.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.DomainEvents;
import social.tsubame.status.StatusEvents.StatusCreated;

/** Stores a status another server sent us. The same status arriving twice is stored once. */
@Service
public class ReceiveRemoteStatus {

    /**
     * A remote status, already checked and sanitized by whoever read it from the other server.
     *
     * @param content        sanitized HTML
     * @param inReplyToUri   the status it answers, if any; linked when we know it
     * @param mentionedIds   accounts it mentions that we know
     * @param hashtags       its hashtags, without {@code #}
     * @param media          its attachments, in order
     * @param emojis         the custom emoji it uses
     */
    public record RemoteStatus(long accountId, String uri, String url, String content, String spoilerText,
                               boolean sensitive, Visibility visibility, String language, String inReplyToUri,
                               String conversationUri, Instant published, List<Long> mentionedIds,
                               List<String> hashtags, List<RemoteMedia> media, List<RemoteEmoji> emojis) {
    }

    private final Statuses statuses;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final DomainEvents events;
    private final StatusTags tags;

    public ReceiveRemoteStatus(Statuses statuses, JdbcTemplate jdbc, TimeOrderedIds ids, Clock clock,
                               DomainEvents events, StatusTags tags) {
        this.statuses = statuses;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.tags = tags;
    }

    private static String dimensions(RemoteMedia media) {
        return media.width() == null || media.height() == null ? "{}"
                : "{\"original\":{\"width\":" + media.width() + ",\"height\":" + media.height() + "}}";
    }

    /** Returns the stored status; empty when it was deleted before (a late copy of a tombstone). */
    @Transactional
    public Optional<Status> receive(RemoteStatus remote) {
        Optional<Status> known = statuses.findByUri(remote.uri());
        if (known.isPresent()) {
            return known.filter(status -> !status.isDeleted());
        }
        Optional<Status> parent = remote.inReplyToUri() == null ? Optional.empty()
                : statuses.findByUri(remote.inReplyToUri());
        Instant published = remote.published() == null ? clock.instant() : remote.published();
        // Ids come from the time of arrival: feeds are ordered by when posts reached us.
        Status status = new Status(ids.next(), remote.accountId(), remote.uri(), remote.url(), "", remote.content(),
                remote.spoilerText() == null ? "" : remote.spoilerText(), remote.sensitive(), remote.visibility(),
                remote.language(), parent.map(Status::id).orElse(null), parent.map(Status::accountId).orElse(null),
                remote.inReplyToUri(), remote.conversationUri(), false, published);
        statuses.saveAndFlush(status);
        // Replies that arrived before this post now find it.
        jdbc.update("""
                UPDATE statuses SET in_reply_to_id = ?, in_reply_to_account_id = ?
                WHERE in_reply_to_uri = ? AND in_reply_to_id IS NULL AND id <> ?
                """, status.id(), status.accountId(), status.uri(), status.id());
        tags.record(status.id(), remote.hashtags());
        for (RemoteMedia media : remote.media()) {
            jdbc.update("""
                    INSERT INTO media_attachments (id, account_id, status_id, type, file_content_type, remote_url,
                                                   description, blurhash, focus_x, focus_y, meta)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                    """, ids.next(), remote.accountId(), status.id(), media.type(), media.contentType(), media.url(),
                    media.description(), media.blurhash(), media.focusX(), media.focusY(), dimensions(media));
        }
        for (RemoteEmoji emoji : remote.emojis()) {
            jdbc.update("""
                    INSERT INTO custom_emojis (id, shortcode, domain, uri, image_remote_url, visible_in_picker)
                    VALUES (?, ?, ?, ?, ?, false)
                    ON CONFLICT (shortcode, domain) DO UPDATE SET uri = excluded.uri,
                        image_remote_url = excluded.image_remote_url, updated_at = now()
                    """, ids.next(), emoji.shortcode(), emoji.domain(), emoji.uri(), emoji.imageUrl());
        }
        for (long mentioned : remote.mentionedIds()) {
            jdbc.update("INSERT INTO mentions (id, status_id, account_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    ids.next(), status.id(), mentioned);
        }
        events.publish(new StatusCreated(status.id(), remote.accountId(), false, remote.visibility(),
                !remote.media().isEmpty()));
        return Optional.of(status);
    }
}
