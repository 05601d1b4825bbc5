package social.tsubame.federation.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.hc.core5.http.Header;

/** The headers of a response, looked up by name in any case, as HTTP names are case-insensitive. */
public final class ResponseHeaders {

    private final Map<String, List<String>> byName;

    private ResponseHeaders(Map<String, List<String>> byName) {
        this.byName = byName;
    }

    static ResponseHeaders of(Header[] headers) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : headers) {
            byName.computeIfAbsent(header.getName(), name -> new ArrayList<>())
                    .add(Objects.requireNonNullElse(header.getValue(), ""));
        }
        byName.replaceAll((name, values) -> List.copyOf(values));
        return new ResponseHeaders(Collections.unmodifiableMap(byName));
    }

    /** The first value of the header, if the response has it. */
    public Optional<String> first(String name) {
        return all(name).stream().findFirst();
    }

    /** Every value of the header in the order received; empty if the response does not have it. */
    public List<String> all(String name) {
        return byName.getOrDefault(name, List.of());
    }
}
