package social.tsubame.status;

/**
 * A custom emoji a remote post uses: {@code :shortcode:} drawn from an image on its server.
 *
 * @param domain the server it belongs to, as account domains are written
 */
public record RemoteEmoji(String shortcode, String domain, String uri, String imageUrl) {
}
