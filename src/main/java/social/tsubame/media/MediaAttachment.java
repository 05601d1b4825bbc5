package social.tsubame.media;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import social.tsubame.core.ApiException;
import social.tsubame.core.AssignedIdEntity;

/**
 * A file attached to a status, or uploaded to be attached to one. A local upload has its files in
 * {@link MediaStorage}; an attachment of a remote status is known by its remote URL until it is fetched.
 */
@Entity
@Table(name = "media_attachments")
public class MediaAttachment extends AssignedIdEntity {

    /** Mastodon's limit, which clients show as they would ours. */
    public static final int MAX_DESCRIPTION_LENGTH = 1500;

    @Id
    private long id;

    @Column(name = "account_id")
    private long accountId;

    @Column(name = "status_id")
    private Long statusId;

    /** Place among the status's attachments, as its author ordered them. */
    private Integer position;

    /** {@code image}, {@code gifv}, {@code video}, {@code audio} or {@code unknown}, as Mastodon names them. */
    private String type;

    @Column(name = "file_key")
    private String fileKey;

    @Column(name = "file_content_type")
    private String fileContentType;

    @Column(name = "file_size")
    private Long fileSize;

    @Column(name = "thumbnail_key")
    private String thumbnailKey;

    @Column(name = "remote_url")
    private String remoteUrl;

    private String description;

    private String blurhash;

    @Column(name = "focus_x")
    private Float focusX;

    @Column(name = "focus_y")
    private Float focusY;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String meta = "{}";

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected MediaAttachment() {
    }

    /** An image uploaded here, not attached yet; its file and thumbnail are stored already. */
    static MediaAttachment localImage(long id, long accountId, StoredImage image, String description, FocalPoint focus,
                                      Instant now) {
        MediaAttachment media = new MediaAttachment();
        media.markNew();
        media.id = id;
        media.accountId = accountId;
        media.type = "image";
        media.fileKey = image.fileKey();
        media.fileContentType = image.contentType();
        media.fileSize = image.fileSize();
        media.thumbnailKey = image.thumbnailKey();
        media.blurhash = image.blurhash();
        media.meta = image.meta().toJson();
        media.description = validDescription(description);
        media.focusOn(focus);
        media.createdAt = now;
        media.updatedAt = now;
        return media;
    }

    /** A description fit to store: none for blank text; refused when longer than Mastodon allows. */
    static String validDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
            throw ApiException.unprocessable("Validation failed: Description is too long (maximum is "
                    + MAX_DESCRIPTION_LENGTH + " characters)");
        }
        return description;
    }

    void describe(String newDescription, Instant now) {
        description = validDescription(newDescription);
        updatedAt = now;
    }

    void focusOn(FocalPoint focus, Instant now) {
        focusOn(focus);
        updatedAt = now;
    }

    private void focusOn(FocalPoint focus) {
        focusX = focus == null ? null : focus.x();
        focusY = focus == null ? null : focus.y();
    }

    public long id() {
        return id;
    }

    @Override
    public Long getId() {
        return id;
    }

    /** The status it is attached to; null while it waits to be attached. */
    public Long statusId() {
        return statusId;
    }

    public String type() {
        return type;
    }

    /** The key of the full-size file in {@link MediaStorage}; null while the file is only on a remote server. */
    public String fileKey() {
        return fileKey;
    }

    public String fileContentType() {
        return fileContentType;
    }

    public Long fileSize() {
        return fileSize;
    }

    /** The key of the thumbnail in {@link MediaStorage}, if there is one. */
    public String thumbnailKey() {
        return thumbnailKey;
    }

    /** Where the file lives on the server of a remote status; null for local uploads. */
    public String remoteUrl() {
        return remoteUrl;
    }

    public String description() {
        return description;
    }

    public String blurhash() {
        return blurhash;
    }

    /** The focal point, or null when none was set. */
    public FocalPoint focus() {
        return focusX == null || focusY == null ? null : new FocalPoint(focusX, focusY);
    }

    public MediaMeta meta() {
        return MediaMeta.fromJson(meta);
    }
}
