package social.tsubame.status;

/**
 * An attachment of a remote post, known by its URL: the file stays on its server until someone fetches it.
 *
 * @param type   {@code image}, {@code gifv}, {@code video}, {@code audio} or {@code unknown}
 * @param focusX focal point, -1 to 1, or null
 */
public record RemoteMedia(String type, String url, String contentType, String description, String blurhash,
                          Float focusX, Float focusY, Integer width, Integer height) {
}
