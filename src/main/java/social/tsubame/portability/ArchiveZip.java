package social.tsubame.portability;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the posts out of an archive as Mastodon and this server write one: a zip with {@code outbox.json}, an
 * {@code OrderedCollection} of {@code Create} activities. Boosts ({@code Announce}) are not one's own posts and stay
 * behind; so do media files, which the posts name but this import does not bring over.
 */
final class ArchiveZip {

    /** Posts of one archive at most, a limit against a file made to exhaust the server. */
    static final int MAX_POSTS = 100_000;

    private static final String OUTBOX = "outbox.json";
    private static final long MAX_OUTBOX_BYTES = 256L * 1024 * 1024;
    /** Reads an outbox of any size a post at a time, and stops reading at the limit. */
    private static final JsonMapper OUTBOX_JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(MAX_OUTBOX_BYTES).build())
            .build()).build();

    private ArchiveZip() {
    }

    static List<ImportRow> read(InputStream data) {
        Map<String, ImportRow> rows = new LinkedHashMap<>();
        boolean hasItems = false;
        try (JsonParser outbox = OUTBOX_JSON.createParser(outboxOf(data))) {
            if (outbox.nextToken() != JsonToken.START_OBJECT) {
                throw ImportCsv.invalid("outbox.json is not a JSON object");
            }
            while (outbox.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean items = outbox.currentName().equals("orderedItems");
                if (outbox.nextToken() == JsonToken.START_ARRAY && items) {
                    hasItems = true;
                    while (outbox.nextToken() != JsonToken.END_ARRAY) {
                        add(rows, outbox.<JsonNode>readValueAsTree());
                    }
                } else {
                    outbox.skipChildren();
                }
            }
        } catch (StreamConstraintsException e) {
            throw ImportCsv.invalid("the archive's outbox.json is larger than " + MAX_OUTBOX_BYTES + " bytes");
        } catch (JacksonException e) {
            throw ImportCsv.invalid("outbox.json is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (!hasItems) {
            throw ImportCsv.invalid("outbox.json has no orderedItems");
        }
        if (rows.isEmpty()) {
            throw ImportCsv.invalid("the archive holds no posts");
        }
        return new ArrayList<>(rows.values());
    }

    private static void add(Map<String, ImportRow> rows, JsonNode item) {
        JsonNode post = item.path("object");
        if (!"Create".equals(item.path("type").asString("")) || !post.isObject() || !post.path("id").isString()) {
            return;
        }
        String id = post.path("id").asString();
        rows.putIfAbsent(id, new ImportRow(null, null, null, null, null, id, null, post));
        if (rows.size() > MAX_POSTS) {
            throw ImportCsv.invalid("the archive has more than " + MAX_POSTS + " posts");
        }
    }

    /** The zip read as a stream up to its outbox, which is then read: the media files before it are skipped. */
    private static InputStream outboxOf(InputStream data) {
        try {
            ZipInputStream zip = new ZipInputStream(data);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.equals(OUTBOX) || name.endsWith("/" + OUTBOX)) {
                    return zip;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ImportCsv.invalid("the file is not a zip archive (" + e.getMessage() + ")");
        }
        throw ImportCsv.invalid("the archive has no outbox.json");
    }
}
