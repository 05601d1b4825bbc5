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
    private static final int MAX_OUTBOX_BYTES = 256 * 1024 * 1024;

    private ArchiveZip() {
    }

    static List<ImportRow> read(InputStream data, JsonMapper json) {
        JsonNode items = outbox(data, json).path("orderedItems");
        if (!items.isArray()) {
            throw ImportCsv.invalid("outbox.json has no orderedItems");
        }
        Map<String, ImportRow> rows = new LinkedHashMap<>();
        for (JsonNode item : items) {
            JsonNode post = item.path("object");
            if (!"Create".equals(item.path("type").asString("")) || !post.isObject()
                    || !post.path("id").isString()) {
                continue;
            }
            String id = post.path("id").asString();
            rows.putIfAbsent(id, new ImportRow(null, null, null, null, null, id, null, post));
            if (rows.size() > MAX_POSTS) {
                throw ImportCsv.invalid("the archive has more than " + MAX_POSTS + " posts");
            }
        }
        if (rows.isEmpty()) {
            throw ImportCsv.invalid("the archive holds no posts");
        }
        return new ArrayList<>(rows.values());
    }

    /** Reads the zip as a stream up to its outbox: the media files before it are skipped, never held. */
    private static JsonNode outbox(InputStream data, JsonMapper json) {
        try {
            ZipInputStream zip = new ZipInputStream(data);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.equals(OUTBOX) || name.endsWith("/" + OUTBOX)) {
                    byte[] outbox = zip.readNBytes(MAX_OUTBOX_BYTES + 1);
                    if (outbox.length > MAX_OUTBOX_BYTES) {
                        throw ImportCsv.invalid("the archive's outbox.json is larger than " + MAX_OUTBOX_BYTES
                                + " bytes");
                    }
                    return json.readTree(outbox);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ImportCsv.invalid("the file is not a zip archive (" + e.getMessage() + ")");
        } catch (JacksonException e) {
            throw ImportCsv.invalid("outbox.json is not JSON");
        }
        throw ImportCsv.invalid("the archive has no outbox.json");
    }
}
