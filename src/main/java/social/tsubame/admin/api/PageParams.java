package social.tsubame.admin.api;

/** Mastodon's paging parameters of an admin list. */
record PageParams(String maxId, String sinceId, String minId, Integer limit) {
}
