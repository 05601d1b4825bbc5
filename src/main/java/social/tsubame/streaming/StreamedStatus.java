package social.tsubame.streaming;

import social.tsubame.filter.ApplicableFilters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A status payload on its way to the sockets of a channel, read only as far as some socket needs it (the accounts it
 * involves, the text its viewers' filters look at) and then once for all of them.
 */
final class StreamedStatus {

    private final String payload;
    private final JsonMapper json;
    private JsonNode tree;
    private StatusAuthors authors;
    private String readableText;

    StreamedStatus(String payload, JsonMapper json) {
        this.payload = payload;
        this.json = json;
    }

    String payload() {
        return payload;
    }

    JsonNode tree() {
        if (tree == null) {
            tree = json.readTree(payload);
        }
        return tree;
    }

    StatusAuthors authors() {
        if (authors == null) {
            authors = StatusAuthors.of(tree());
        }
        return authors;
    }

    /** The id filters match a status entry against: for a boost, that of the boosted status. */
    long shownId() {
        return Long.parseLong(shown().path("id").asString());
    }

    String readableText() {
        if (readableText == null) {
            JsonNode shown = shown();
            readableText = ApplicableFilters.readableText(shown.path("content").asString(""),
                    shown.path("spoiler_text").asString(""));
        }
        return readableText;
    }

    /** A boost is filtered by what it boosts, as in timelines. */
    private JsonNode shown() {
        JsonNode reblog = tree().path("reblog");
        return reblog.isObject() ? reblog : tree();
    }
}
