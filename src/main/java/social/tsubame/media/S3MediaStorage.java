package social.tsubame.media;

import java.net.URI;
import java.util.Optional;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
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
        this.client = client(settings);
    }

    private static S3Client client(MediaProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                // Other providers often refuse the checksums the SDK adds by default; send them only where required.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // Files are in memory already: sent whole, which every provider takes, rather than in signed chunks.
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (hasText(settings.endpoint())) {
            // Buckets by path (endpoint/bucket/key): providers other than AWS seldom have a DNS name per bucket.
            builder.endpointOverride(URI.create(settings.endpoint())).forcePathStyle(true);
        }
        if (hasText(settings.accessKeyId())) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())));
        }
        return builder.build();
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
