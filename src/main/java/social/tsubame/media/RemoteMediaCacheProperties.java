package social.tsubame.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much remote media this server keeps copies of.
 *
 * @param enabled         whether remote attachments, avatars and headers are fetched and kept here at all
 * @param budget          the most the copies may weigh together; past it the oldest go first ({@code 0}: no limit)
 * @param retentionDays   copies older than this many days go ({@code 0}: only the budget removes them)
 * @param maxFileSize     larger remote files are not copied: clients load them from their servers
 */
@ConfigurationProperties("tsubame.media.remote-cache")
public record RemoteMediaCacheProperties(Boolean enabled, DataSize budget, Integer retentionDays,
                                         DataSize maxFileSize) {

    public RemoteMediaCacheProperties {
        enabled = enabled == null || enabled;
        budget = budget == null ? DataSize.ofGigabytes(10) : budget;
        retentionDays = retentionDays == null ? 0 : retentionDays;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(16) : maxFileSize;
        if (budget.isNegative() || retentionDays < 0) {
            throw new IllegalArgumentException("The remote media budget and retention cannot be negative");
        }
    }
}
