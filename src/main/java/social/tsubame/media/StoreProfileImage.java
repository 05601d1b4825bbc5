package social.tsubame.media;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import social.tsubame.core.ApiException;

/**
 * Stores the picture a user chose for their profile: re-encoded (no metadata), an avatar at thumbnail size, a
 * header at most the size of an image attachment, under a random key never reused.
 */
@Service
public class StoreProfileImage {

    public enum Kind {
        AVATAR("avatars"), HEADER("headers");

        private final String folder;

        Kind(String folder) {
            this.folder = folder;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImageProcessor processor;
    private final MediaStorage storage;
    private final long sizeLimit;

    StoreProfileImage(ImageProcessor processor, MediaStorage storage, MediaProperties properties) {
        this.processor = processor;
        this.storage = storage;
        this.sizeLimit = properties.imageSizeLimit().toBytes();
    }

    /** @return the storage key of the stored picture */
    public String store(byte[] file, Kind kind) {
        if (file.length > sizeLimit) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Validation failed: the image is too large");
        }
        ProcessedImage image = processor.process(file);
        ProcessedImage.Encoded picture = kind == Kind.AVATAR ? image.small() : image.original();
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String key = kind.folder + "/" + HexFormat.of().formatHex(random) + "." + image.extension();
        storage.put(key, picture.bytes(), image.contentType());
        return key;
    }
}
