package social.tsubame.timeline;

import java.util.List;

/** Changes to lists that their feeds follow. */
public final class ListEvents {

    private ListEvents() {
    }

    public record ListMembersAdded(long listId, List<Long> accountIds) {
    }

    public record ListDeleted(long listId) {
    }
}
