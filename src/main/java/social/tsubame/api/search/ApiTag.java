package social.tsubame.api.search;

import java.util.List;

/**
 * A hashtag as Mastodon's Tag entity shows it. Usage statistics are not kept, so {@code history} is empty.
 */
record ApiTag(String name, String url, List<Object> history) {
}
