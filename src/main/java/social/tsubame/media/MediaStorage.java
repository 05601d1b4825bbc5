package social.tsubame.media;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

/**
 * Where the files of local media live: a folder of this server, or an S3-compatible bucket. Files are written once
 * under a key that is never reused, so they can be cached forever.
 */
public interface MediaStorage {

    /**
     * What a key looks like: names of letters, digits, {@code _} and {@code -} separated by slashes, the last one with
     * an extension. No {@code .} or {@code ..} segment, no leading slash: a key never points outside the storage.
     */
    Pattern KEY = Pattern.compile("([A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\\.[a-z0-9]+");

    static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    static boolean isPrivate(String key) {
        return key.startsWith(PRIVATE);
    }

    static void requirePrivate(String key) {
        if (!isValidKey(key) || !isPrivate(key)) {
            throw new IllegalArgumentException("Not a private file's key: " + key);
        }
    }

    /**
     * Where the keys of private files begin: files this server hands out itself, to whom it chooses, and never at
     * {@link #url}.
     */
    String PRIVATE = "private/";

    void put(String key, byte[] content, String contentType);

    /**
     * Stores a file under a key beginning with {@link #PRIVATE}, from a file on disk however large, without public
     * access (a bucket's default ACL) and marked not to be cached.
     */
    void putPrivate(String key, Path file, String contentType);

    /** The file under {@code key}; empty when there is none or the key is not one this storage makes. */
    Optional<Resource> get(String key);

    void delete(String key);

    /** The URL at which clients and other servers fetch the file; none for a private file. */
    String url(String key);
}
