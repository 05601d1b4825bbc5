package social.tsubame.portability;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One line of an import file (or one post of an archive), read and checked, as it is kept until the import job has
 * done it. Which fields are set depends on the import's type; the others are null. Followed languages are not kept,
 * as this server does not filter by them.
 *
 * @param account an account address, {@code user@domain} (or a bare username of this server)
 * @param uri     a post's id: one to bookmark, or the original id of an archived post
 * @param post    an archived post, the object of its {@code Create}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImportRow(String account, Boolean showReblogs, Boolean notifyOnPosts, Boolean hideNotifications,
                        String domain, String uri, String listName, JsonNode post) {

    /** What makes two lines the same, so that a file listing something twice imports it once. */
    String key() {
        return String.join("\n", String.valueOf(listName), String.valueOf(account), String.valueOf(domain),
                String.valueOf(uri)).toLowerCase(Locale.ROOT);
    }
}
