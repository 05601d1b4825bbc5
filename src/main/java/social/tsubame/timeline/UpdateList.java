package social.tsubame.timeline;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/** The owner renames a list or changes its settings; what the request leaves out stays as it was. */
@Service
public class UpdateList {

    private final Lists lists;
    private final Clock clock;

    public UpdateList(Lists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @Transactional
    public TimelineList update(long ownerId, long listId, String title, RepliesPolicy repliesPolicy,
                               Boolean exclusive) {
        TimelineList list = lists.findOwned(listId, ownerId).orElseThrow(ApiException::notFound);
        list.change(title == null ? list.title() : ListTitles.require(title),
                repliesPolicy == null ? list.repliesPolicy() : repliesPolicy,
                exclusive == null ? list.exclusive() : exclusive, clock.instant());
        return lists.save(list);
    }
}
