package social.tsubame.api.archives;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.portability.AccountArchive;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An archive of the user's posts: {@code pending} while the job writes it, then {@code finished}, to download until
 * it expires.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ApiArchive(String id, String state, Long size, Instant createdAt, Instant finishedAt, Instant expiresAt,
                  String downloadUrl) {

    static ApiArchive of(AccountArchive archive) {
        String id = Long.toString(archive.id());
        return new ApiArchive(id, archive.finished() ? "finished" : "pending", archive.fileSize(),
                archive.createdAt(), archive.finishedAt(), archive.expiresAt(),
                archive.finished() ? "/api/v1/archives/" + id + "/download" : null);
    }
}
