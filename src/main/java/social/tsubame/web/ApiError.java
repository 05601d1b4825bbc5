package social.tsubame.web;

/** The error body Mastodon's API answers and its clients read: {@code {"error": "..."}}. */
public record ApiError(String error) {
}
