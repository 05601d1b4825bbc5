package social.tsubame.activitystreams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Reading the loose shapes ActivityStreams allows: a property may hold an id or the object itself, one value or an
 * array of them. Every caller reading JSON from other servers goes through these, so the tolerance is in one place.
 */
public final class AsNodes {

    private AsNodes() {
    }

    /** The id of a property that holds either an id string or an embedded object with an {@code id}. */
    public static Optional<String> idOf(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isString()) {
            return Optional.of(value.asString());
        }
        if (value.isArray()) {
            return value.isEmpty() ? Optional.empty() : idOf(value.get(0));
        }
        JsonNode id = value.path("id");
        return id.isString() ? Optional.of(id.asString()) : Optional.empty();
    }

    /** The ids of a property holding one or many ids or objects. */
    public static List<String> idsOf(JsonNode value) {
        List<String> ids = new ArrayList<>();
        if (value == null || value.isMissingNode() || value.isNull()) {
            return ids;
        }
        if (value.isArray()) {
            value.forEach(item -> idOf(item).ifPresent(ids::add));
        } else {
            idOf(value).ifPresent(ids::add);
        }
        return ids;
    }

    /** Whether {@code type} (a string or an array of strings) includes {@code wanted}. */
    public static boolean hasType(JsonNode node, String wanted) {
        JsonNode type = node.path("type");
        if (type.isArray()) {
            for (JsonNode item : type) {
                if (wanted.equals(item.asString(""))) {
                    return true;
                }
            }
            return false;
        }
        return wanted.equals(type.asString(""));
    }

    /** The first type of an object, or an empty string. */
    public static String typeOf(JsonNode node) {
        JsonNode type = node.path("type");
        return type.isArray() ? (type.isEmpty() ? "" : type.get(0).asString("")) : type.asString("");
    }

    /** A string property, or empty when missing, null or not a string. */
    public static Optional<String> text(JsonNode node, String property) {
        JsonNode value = node.path(property);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    /** A URL property, which may be a string, a Link object ({@code href}) or an array of either. */
    public static Optional<String> url(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isString()) {
            return Optional.of(value.asString());
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                Optional<String> found = url(item);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        JsonNode href = value.path("href");
        if (href.isString()) {
            return Optional.of(href.asString());
        }
        return url(value.path("url"));
    }
}
