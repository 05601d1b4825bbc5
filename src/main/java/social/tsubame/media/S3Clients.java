package social.tsubame.media;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Clients of AWS S3 or of a compatible service (MinIO, Garage, Ceph…), set up so that every provider takes them. */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * @param endpoint the service's URL for a provider other than AWS; empty for AWS
     * @param accessKeyId empty to take the SDK's default credentials (environment, instance profile)
     */
    public static S3Client create(String endpoint, String region, String accessKeyId, String secretAccessKey) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                // Other providers often refuse the checksums the SDK adds by default; send them only where required.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // Bodies are sent whole with their length, which every provider takes, rather than in signed chunks.
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (hasText(endpoint)) {
            // Buckets by path (endpoint/bucket/key): providers other than AWS seldom have a DNS name per bucket.
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        if (hasText(accessKeyId)) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
        }
        return builder.build();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
