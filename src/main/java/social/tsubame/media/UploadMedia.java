package social.tsubame.media;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;

/**
 * A local account uploads an image to attach to a status it is about to post. The image is processed at once, so
 * the attachment is complete when this returns.
 */
@Service
public class UploadMedia {

    /**
     * @param description text for those who cannot see the image; may be null
     * @param focus       the focal point as {@code "x,y"}; may be null
     */
    public record Command(long accountId, byte[] file, String description, String focus) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImageProcessor processor;
    private final MediaStorage storage;
    private final MediaAttachments attachments;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final long sizeLimit;
    private final String sizeLimitText;

    UploadMedia(ImageProcessor processor, MediaStorage storage, MediaAttachments attachments, TimeOrderedIds ids,
                Clock clock, MediaProperties properties) {
        this.processor = processor;
        this.storage = storage;
        this.attachments = attachments;
        this.ids = ids;
        this.clock = clock;
        this.sizeLimit = properties.imageSizeLimit().toBytes();
        this.sizeLimitText = sizeLimit % (1 << 20) == 0 ? (sizeLimit >> 20) + " MB" : sizeLimit + " bytes";
    }

    /**
     * @throws ApiException 413 for a file over the size limit, 422 for one that is no image we read or for a bad
     *                      description or focus
     */
    public MediaAttachment upload(Command command) {
        if (command.file() == null || command.file().length == 0) {
            throw ApiException.unprocessable("Validation failed: File can't be blank");
        }
        if (command.file().length > sizeLimit) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Validation failed: File file size must be at most "
                    + sizeLimitText);
        }
        // Checked before the costly part, so that a typo does not cost the client a whole upload's processing.
        String description = MediaAttachment.validDescription(command.description());
        FocalPoint focus = FocalPoint.parse(command.focus());
        ProcessedImage image = processor.process(command.file());
        StoredImage stored = store(image);
        return attachments.save(MediaAttachment.localImage(ids.next(), command.accountId(), stored, description, focus,
                clock.instant()));
    }

    /**
     * Files go under a random name, never reused, so that the URL of a followers-only post's image cannot be guessed
     * and every file can be cached forever. Two levels of folders keep each folder small.
     */
    private StoredImage store(ProcessedImage image) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String name = HexFormat.of().formatHex(random);
        String folder = "attachments/" + name.substring(0, 2) + "/" + name.substring(2, 4) + "/";
        String fileKey = folder + name + "." + image.extension();
        String thumbnailKey = folder + name + "-small." + image.extension();
        storage.put(fileKey, image.original().bytes(), image.contentType());
        storage.put(thumbnailKey, image.small().bytes(), image.contentType());
        return new StoredImage(fileKey, image.contentType(), image.original().bytes().length, thumbnailKey,
                image.blurhash(), image.meta());
    }
}
