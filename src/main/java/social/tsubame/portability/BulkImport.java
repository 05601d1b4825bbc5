package social.tsubame.portability;

import java.time.Instant;

/**
 * A user's import and how far it has come.
 *
 * @param processedItems rows done so far, imported or failed
 * @param finishedAt     null until every row is done
 */
public record BulkImport(long id, long accountId, ImportType type, ImportMode mode, ImportState state,
                         int totalItems, int processedItems, int failedItems, Instant createdAt,
                         Instant finishedAt) {

    public int importedItems() {
        return processedItems - failedItems;
    }
}
