package social.tsubame.timeline;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;

/** A local account starts a list, empty. */
@Service
public class CreateList {

    /** As on Mastodon. */
    static final int LISTS_PER_ACCOUNT = 50;

    private final Lists lists;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public CreateList(Lists lists, TimeOrderedIds ids, Clock clock) {
        this.lists = lists;
        this.ids = ids;
        this.clock = clock;
    }

    /** @param repliesPolicy null for Mastodon's default, replies to other members */
    @Transactional
    public TimelineList create(long ownerId, String title, RepliesPolicy repliesPolicy, boolean exclusive) {
        if (lists.countOwnedBy(ownerId) >= LISTS_PER_ACCOUNT) {
            throw ApiException.unprocessable("Validation failed: You have reached the maximum number of lists");
        }
        return lists.save(new TimelineList(ids.next(), ownerId, ListTitles.require(title),
                repliesPolicy == null ? RepliesPolicy.LIST : repliesPolicy, exclusive, clock.instant()));
    }
}
