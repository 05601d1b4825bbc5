package social.tsubame.media;

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

    void put(String key, byte[] content, String contentType);

    /** The file under {@code key}; empty when there is none or the key is not one this storage makes. */
    Optional<Resource> get(String key);

    void delete(String key);

    /** The URL at which clients and other servers fetch the file. */
    String url(String key);
}
