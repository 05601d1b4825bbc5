package social.tsubame.pages;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Visitors asking this server for a remote account or post are sent to its own server, as Mastodon sends signed-out
 * visitors: the copy here holds only what happened to reach this server and may be stale, and search engines should
 * find the original rather than a mirror that ignores the author's wishes there.
 */
final class RemotePages {

    private RemotePages() {
    }

    /** A redirect to {@code url}, which must be a web address; anything else is treated as not found. */
    static ResponseEntity<Void> redirect(String url) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new PageNotFound();
        }
        try {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url)).build();
        } catch (IllegalArgumentException e) {
            throw new PageNotFound();
        }
    }
}
