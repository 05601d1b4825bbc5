package social.tsubame.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where backups go and when they are made.
 *
 * @param target         a directory, or {@code s3://bucket/prefix}
 * @param keep           how many complete backups a target keeps; older ones are deleted after each backup
 * @param schedule       a cron expression (six fields, or a macro such as {@code @daily}) in UTC at which a worker
 *                       makes a backup; empty for none
 * @param verifyScheduled whether each scheduled backup is then restored into a scratch database to prove it
 * @param s3             the S3-compatible service of {@code s3://} targets
 */
@ConfigurationProperties("tsubame.backup")
public record BackupProperties(String target, Integer keep, String schedule, Boolean verifyScheduled, S3 s3) {

    public BackupProperties {
        target = target == null || target.isBlank() ? "data/backups" : target.strip();
        keep = keep == null ? 7 : keep;
        if (keep < 1) {
            throw new IllegalArgumentException("TSUBAME_BACKUP_KEEP must be at least 1");
        }
        schedule = schedule == null ? "" : schedule.strip();
        verifyScheduled = verifyScheduled == null || verifyScheduled;
        s3 = s3 == null ? new S3(null, null, null, null) : s3;
    }

    /** @param endpoint the service's URL for a provider other than AWS; empty for AWS */
    public record S3(String endpoint, String region, String accessKeyId, String secretAccessKey) {

        public S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region;
        }
    }
}
