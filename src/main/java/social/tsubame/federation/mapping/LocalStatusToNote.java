package social.tsubame.federation.mapping;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.ActorIds;
import social.tsubame.activitystreams.Document;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.activitystreams.Note;
import social.tsubame.core.Uris;
import social.tsubame.media.FocalPoint;
import social.tsubame.media.MediaAttachment;
import social.tsubame.media.MediaAttachments;
import social.tsubame.media.MediaMeta;
import social.tsubame.media.MediaStorage;
import social.tsubame.status.Mentions;
import social.tsubame.status.Status;
import social.tsubame.status.StatusTags;
import social.tsubame.status.Statuses;

/** Builds the Note of a local status, addressed as its visibility says, with its attachments. */
@Component
public class LocalStatusToNote {

    private final Uris uris;
    private final Statuses statuses;
    private final Mentions mentions;
    private final StatusTags statusTags;
    private final ActorIds actorIds;
    private final MediaAttachments mediaAttachments;
    private final MediaStorage mediaStorage;

    public LocalStatusToNote(Uris uris, Statuses statuses, Mentions mentions, StatusTags statusTags,
                             ActorIds actorIds, MediaAttachments mediaAttachments, MediaStorage mediaStorage) {
        this.uris = uris;
        this.statuses = statuses;
        this.mentions = mentions;
        this.statusTags = statusTags;
        this.actorIds = actorIds;
        this.mediaAttachments = mediaAttachments;
        this.mediaStorage = mediaStorage;
    }

    /** A {@code Mention} or {@code Hashtag} in a Note's {@code tag}. */
    private record Tag(String type, String href, String name) {
    }

    public Note convert(Status status, Account author) {
        String followers = uris.followers(author.username());
        List<Account> mentioned = mentions.of(status.id());
        List<String> mentionedIds = mentioned.stream().map(actorIds::of).toList();
        List<String> to = new ArrayList<>();
        List<String> cc = new ArrayList<>();
        switch (status.visibility()) {
            case PUBLIC -> {
                to.add(JsonLdContext.PUBLIC_COLLECTION);
                cc.add(followers);
                cc.addAll(mentionedIds);
            }
            case UNLISTED -> {
                to.add(followers);
                cc.add(JsonLdContext.PUBLIC_COLLECTION);
                cc.addAll(mentionedIds);
            }
            case PRIVATE -> {
                to.add(followers);
                cc.addAll(mentionedIds);
            }
            case DIRECT -> to.addAll(mentionedIds);
        }
        List<Object> tags = new ArrayList<>();
        mentioned.forEach(account -> tags.add(new Tag("Mention", actorIds.of(account), "@" + (account.isLocal()
                ? account.username() + "@" + uris.localDomain() : account.acct()))));
        statusTags.of(status.id()).forEach(name -> tags.add(new Tag("Hashtag", uris.tag(name.toLowerCase(Locale.ROOT)),
                "#" + name)));
        String inReplyTo = status.inReplyToId() == null ? null
                : statuses.findById(status.inReplyToId()).map(Status::uri).orElse(null);
        return new Note(
                JsonLdContext.ACTIVITY_STREAMS,
                status.uri(),
                "Note",
                uris.actor(author.username()),
                status.content(),
                status.spoilerText().isEmpty() ? null : status.spoilerText(),
                status.sensitive(),
                inReplyTo,
                DateTimeFormatter.ISO_INSTANT.format(status.createdAt().truncatedTo(ChronoUnit.SECONDS)),
                status.editedAt() == null ? null
                        : DateTimeFormatter.ISO_INSTANT.format(status.editedAt().truncatedTo(ChronoUnit.SECONDS)),
                status.url(),
                to,
                cc,
                tags,
                mediaAttachments.ofStatus(status.id()).stream().map(this::document).toList());
    }

    private Document document(MediaAttachment media) {
        FocalPoint focus = media.focus();
        MediaMeta.Dimensions original = media.meta().original();
        return new Document("Document", media.fileContentType(), mediaStorage.url(media.fileKey()),
                media.description(), media.blurhash(), focus == null ? null : List.of(focus.x(), focus.y()),
                original == null ? null : original.width(), original == null ? null : original.height());
    }
}
