package social.tsubame.federation.mapping;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.activitystreams.Note;
import social.tsubame.core.Uris;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;

/** Builds the Note of a local status, addressed as its visibility says. */
@Component
public class LocalStatusToNote {

    private final Uris uris;
    private final Statuses statuses;

    public LocalStatusToNote(Uris uris, Statuses statuses) {
        this.uris = uris;
        this.statuses = statuses;
    }

    public Note convert(Status status, Account author) {
        String followers = uris.followers(author.username());
        List<String> to;
        List<String> cc;
        switch (status.visibility()) {
            case PUBLIC -> {
                to = List.of(JsonLdContext.PUBLIC_COLLECTION);
                cc = List.of(followers);
            }
            case UNLISTED -> {
                to = List.of(followers);
                cc = List.of(JsonLdContext.PUBLIC_COLLECTION);
            }
            case PRIVATE -> {
                to = List.of(followers);
                cc = List.of();
            }
            default -> {
                to = List.of();
                cc = List.of();
            }
        }
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
                status.url(),
                to,
                cc,
                List.of());
    }
}
