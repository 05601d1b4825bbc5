package social.tsubame.media;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Media files in a bucket of AWS S3 or of a compatible service (MinIO, Garage, Ceph…), configured the way Mastodon
 * is. Clients fetch the files from the bucket, or from the alias host in front of it.
 */
class S3MediaStorage implements MediaStorage, AutoCloseable {

    private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

    private final S3Client client;
    private final MediaProperties.S3 settings;

    S3MediaStorage(MediaProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("S3_BUCKET must be set when S3_ENABLED is true");
        }
        this.settings = settings;
        this.client = S3Clients.create(settings.endpoint(), settings.region(), settings.accessKeyId(),
                settings.secretAccessKey());
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(settings.bucket())
                .key(key)
                .contentType(contentType)
                .cacheControl(CACHE_FOREVER);
        if (hasText(settings.permission())) {
            request.acl(settings.permission());
        }
        client.putObject(request.build(), RequestBody.fromBytes(content));
    }

    /** Sent without an ACL, so the object takes the bucket's default, which is private unless made otherwise. */
    @Override
    public void putPrivate(String key, Path file, String contentType) {
        MediaStorage.requirePrivate(key);
        client.putObject(PutObjectRequest.builder().bucket(settings.bucket()).key(key).contentType(contentType)
                .cacheControl("private, no-store").build(), RequestBody.fromFile(file));
    }

    @Override
    public Optional<Resource> get(String key) {
        if (!MediaStorage.isValidKey(key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InputStreamResource(
                    client.getObject(request -> request.bucket(settings.bucket()).key(key))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        client.deleteObject(request -> request.bucket(settings.bucket()).key(key));
    }

    @Override
    public String url(String key) {
        if (hasText(settings.aliasHost())) {
            return settings.protocol() + "://" + settings.aliasHost() + "/" + key;
        }
        if (hasText(settings.endpoint())) {
            return settings.endpoint().replaceFirst("/+$", "") + "/" + settings.bucket() + "/" + key;
        }
        return "https://" + settings.bucket() + ".s3." + settings.region() + ".amazonaws.com/" + key;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public void close() {
        client.close();
    }
}
