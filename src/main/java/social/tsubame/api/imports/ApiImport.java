package social.tsubame.api.imports;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.portability.BulkImport;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An import and its progress, with the names of Mastodon's own import records. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ApiImport(String id, String type, String mode, String state, int totalItems, int processedItems,
                 int importedItems, int failedItems, Instant createdAt, Instant finishedAt) {

    static ApiImport of(BulkImport bulkImport) {
        return new ApiImport(Long.toString(bulkImport.id()), bulkImport.type().wireName(),
                bulkImport.mode().wireName(), bulkImport.state().wireName(), bulkImport.totalItems(),
                bulkImport.processedItems(), bulkImport.importedItems(), bulkImport.failedItems(),
                bulkImport.createdAt(), bulkImport.finishedAt());
    }
}
