package social.tsubame.media;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of uploads and where their files go.
 *
 * @param imageSizeLimit  the largest image file accepted (1MB = 2^20 bytes)
 * @param imagePixelLimit images with more pixels are scaled down to this many; Mastodon's is 3840 × 2160
 * @param localPath       the folder of local files when S3 is not enabled
 * @param s3              S3-compatible object storage, used instead of the local folder when enabled
 */
@ConfigurationProperties("tsubame.media")
public record MediaProperties(DataSize imageSizeLimit, Long imagePixelLimit, Path localPath, S3 s3) {

    public MediaProperties {
        imageSizeLimit = imageSizeLimit == null ? DataSize.ofMegabytes(16) : imageSizeLimit;
        imagePixelLimit = imagePixelLimit == null ? 3840L * 2160 : imagePixelLimit;
        localPath = localPath == null ? Path.of("data", "media") : localPath;
        s3 = s3 == null ? new S3(false, null, null, null, null, null, null, null, null) : s3;
    }

    /**
     * The settings Mastodon reads from {@code S3_*} and {@code AWS_*} variables.
     *
     * @param endpoint        the service's URL for a provider other than AWS (MinIO, Garage…); buckets are then
     *                        addressed by path, {@code endpoint/bucket/key}
     * @param aliasHost       the host files are served from (a CDN or a proxy in front of the bucket), if any
     * @param protocol        the scheme of URLs on the alias host
     * @param permission      the canned ACL of uploaded files; empty for providers that have no ACLs
     */
    public record S3(boolean enabled, String bucket, String endpoint, String region, String accessKeyId,
                     String secretAccessKey, String aliasHost, String protocol, String permission) {

        public S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region;
            protocol = protocol == null || protocol.isBlank() ? "https" : protocol;
            permission = permission == null ? "public-read" : permission;
        }
    }
}
