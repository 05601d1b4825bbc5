package social.tsubame.federation.inbound;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.federation.http.FederationHttpClient;
import social.tsubame.federation.http.RemoteResponse;
import social.tsubame.federation.http.RequestSigner;
import social.tsubame.federation.http.ResponseTooLargeException;
import social.tsubame.media.RemoteMediaCache;
import social.tsubame.media.RemoteMediaCacheProperties;

/** Fetches the files of remote media to keep copies of, through the guarded outbound client, unsigned. */
@Component
class RemoteMediaFiles {

    record Fetched(byte[] body, String mediaType) {
    }

    private final FederationHttpClient http;
    private final int maxFileBytes;

    RemoteMediaFiles(FederationHttpClient http, RemoteMediaCacheProperties properties) {
        this.http = http;
        this.maxFileBytes = (int) Math.min(Integer.MAX_VALUE, properties.maxFileSize().toBytes());
    }

    /**
     * The file at {@code url}; empty when it will never be worth keeping: gone, too large, not a kind of media kept,
     * or at a host that does not resolve or that we may not reach.
     *
     * @throws IOException when the server could not answer now, so that the job tries again later
     */
    Optional<Fetched> fetch(String url) throws IOException {
        RemoteResponse response;
        try {
            response = http.fetch(URI.create(url), "image/*, video/*, audio/*", RequestSigner.NONE, maxFileBytes);
        } catch (ResponseTooLargeException | UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (response.status() == 408 || response.status() == 429 || response.status() >= 500) {
            throw new IOException(url + " answered " + response.status());
        }
        if (!response.isSuccessful() || RemoteMediaCache.extensionOf(response.mediaType()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Fetched(response.body(), response.mediaType()));
    }
}
