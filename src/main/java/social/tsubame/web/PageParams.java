package social.tsubame.web;

/** Mastodon's paging parameters as they arrive, for the {@link ApiParams} of endpoints that take nothing else. */
public record PageParams(String maxId, String sinceId, String minId, Integer limit) {

    public Page page(int maxLimit) {
        return Page.of(maxId, sinceId, minId, limit, maxLimit);
    }
}
