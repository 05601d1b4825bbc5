package social.tsubame.streaming;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import social.tsubame.account.LimitedAccounts;
import social.tsubame.status.Status;
import social.tsubame.status.StatusTags;
import social.tsubame.status.Visibility;
import social.tsubame.timeline.FeedAudience;
import social.tsubame.timeline.ListAudience;

/**
 * The channels a status is streamed on: the home feeds it goes into (so a {@code user} stream shows what the home
 * timeline will), the lists it goes into, and the public and tag timelines for a public post that is not a boost
 * and whose author is not silenced.
 * A direct message reaches the {@code direct} stream as its conversation ({@link StreamConversation}), as on
 * Mastodon; only its deletion goes there as a status event, so that apps showing it drop it.
 */
@Component
class StatusChannels {

    private final FeedAudience audience;
    private final ListAudience lists;
    private final StatusTags tags;
    private final StreamChannels channels;
    private final LimitedAccounts limitedAccounts;

    StatusChannels(FeedAudience audience, ListAudience lists, StatusTags tags, StreamChannels channels,
                   LimitedAccounts limitedAccounts) {
        this.audience = audience;
        this.lists = lists;
        this.tags = tags;
        this.channels = channels;
        this.limitedAccounts = limitedAccounts;
    }

    /** For a new or edited status; one by a limited account goes to no public stream. */
    Set<String> of(Status status) {
        return channels(status, audience.of(status), lists.of(status.id()),
                !limitedAccounts.limits(status.accountId()));
    }

    /** For a deleted one: everyone who may have it, since a feed that never had it just ignores the delete. */
    Set<String> ofDeleted(Status status) {
        Set<String> names = channels(status, audience.everyonePossible(status.accountId(), status.id()),
                lists.containing(status.accountId()), true);
        if (status.visibility() == Visibility.DIRECT) {
            audience.of(status).forEach(participant -> names.add(channels.direct(participant)));
        }
        return names;
    }

    private Set<String> channels(Status status, Set<Long> homes, List<Long> listIds, boolean publicStreams) {
        Set<String> names = new LinkedHashSet<>();
        homes.forEach(account -> names.add(channels.home(account)));
        listIds.forEach(list -> names.add(channels.list(list)));
        if (publicStreams && status.visibility() == Visibility.PUBLIC && status.reblogOfId() == null) {
            names.add(channels.federated());
            names.add(status.isLocal() ? channels.local() : channels.remote());
            for (String tag : tags.of(status.id())) {
                names.add(channels.hashtag(tag, false));
                if (status.isLocal()) {
                    names.add(channels.hashtag(tag, true));
                }
            }
        }
        return names;
    }
}
