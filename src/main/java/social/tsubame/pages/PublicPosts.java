package social.tsubame.pages;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import social.tsubame.api.model.StatusesToApiStatuses;
import social.tsubame.status.StatusVisibility;

/**
 * Posts as a signed-out visitor may see them: the visibility rules of the API for an anonymous reader (public and
 * unlisted, not deleted, authors not suspended, boosts only of such posts), rendered a page at a time.
 */
@Component
class PublicPosts {

    private static final Optional<Long> VISITOR = Optional.empty();

    private final StatusVisibility visibility;
    private final StatusesToApiStatuses toApiStatuses;
    private final ApiStatusToPostView toPostView;

    PublicPosts(StatusVisibility visibility, StatusesToApiStatuses toApiStatuses, ApiStatusToPostView toPostView) {
        this.visibility = visibility;
        this.toApiStatuses = toApiStatuses;
        this.toPostView = toPostView;
    }

    boolean visible(long statusId) {
        return visibility.canSee(VISITOR, statusId);
    }

    /** The visible ones among {@code statusIds}, in the order given. */
    List<PostView> render(List<Long> statusIds) {
        Set<Long> visible = visibility.visible(VISITOR, statusIds);
        List<Long> shown = statusIds.stream().filter(visible::contains).toList();
        return toApiStatuses.many(shown, VISITOR).stream().map(toPostView::convert).toList();
    }
}
