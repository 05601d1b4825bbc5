package social.tsubame.bench;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SequencedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import social.tsubame.core.PemKeys;
import social.tsubame.federation.signature.CavageSigner;
import social.tsubame.federation.signature.SigningKey;
import tools.jackson.databind.json.JsonMapper;

/**
 * A day of one big remote server, as activities to send in one burst: who sends (a few accounts very often, most
 * rarely), what (mostly posts, then likes and reactions, boosts, deletes and edits of their own posts), each signed
 * in advance so that the burst measures the receiver, not the sender's RSA.
 */
final class BurstPlan {

    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    /**
     * One activity ready to send: its body and signed headers, the post it creates or deletes (null for neither) and
     * the number of the account that sends it.
     */
    record Signed(byte[] body, SequencedMap<String, String> headers, String createdNote, String deletedNote,
                  int sender) {
    }

    /** Real RSA keys, shared round-robin by the remote accounts: making 15,000 of them would take minutes. */
    static List<PemKeys.PemKeyPair> keys(int count) {
        return IntStream.range(0, count).parallel().mapToObj(i -> PemKeys.generateRsa()).toList();
    }

    static String username(int account) {
        return "u" + account;
    }

    /**
     * @param senders      how many of the remote accounts send (account numbers 0 to senders − 1)
     * @param localStatuses the URIs of local posts that remote people like, react to and boost
     */
    static List<Signed> plan(String domain, List<PemKeys.PemKeyPair> keys, int senders, int activities,
                             List<String> localStatuses, URI inbox, long seed) {
        Random random = new Random(seed);
        double[] cumulative = zipfCumulative(senders, 1.1);
        Map<Integer, List<String>> notesBy = new LinkedHashMap<>();
        List<Map<String, Object>> bodies = new ArrayList<>(activities);
        List<Integer> authors = new ArrayList<>(activities);
        for (int n = 0; n < activities; n++) {
            // every sender sends at least once; beyond that, a few send most
            int sender = n < senders ? n : pick(cumulative, random.nextDouble());
            String actor = "http://" + domain + "/users/" + username(sender);
            List<String> own = notesBy.computeIfAbsent(sender, s -> new ArrayList<>());
            double kind = random.nextDouble();
            Map<String, Object> activity;
            if (kind < 0.62 || own.isEmpty() && kind >= 0.92) {
                String note = actor + "/statuses/" + n;
                own.add(note);
                activity = create(actor, note, n, random);
            } else if (kind < 0.76) {
                activity = interaction("Like", actor, n, localStatuses.get(random.nextInt(localStatuses.size())));
            } else if (kind < 0.83) {
                activity = interaction("EmojiReact", actor, n,
                        localStatuses.get(random.nextInt(localStatuses.size())));
                activity.put("content", random.nextBoolean() ? "🎉" : "👀");
            } else if (kind < 0.92) {
                activity = interaction("Announce", actor, n,
                        localStatuses.get(random.nextInt(localStatuses.size())));
                activity.put("to", List.of(PUBLIC));
                activity.put("cc", List.of(actor + "/followers"));
            } else if (kind < 0.96) {
                String note = own.removeLast();
                activity = new LinkedHashMap<>(Map.of("@context", "https://www.w3.org/ns/activitystreams",
                        "id", note + "#delete", "type", "Delete", "actor", actor, "to", List.of(PUBLIC),
                        "object", Map.of("id", note, "type", "Tombstone")));
            } else {
                String note = own.getLast();
                activity = create(actor, note, n, random);
                activity.put("type", "Update");
                activity.put("id", note + "#updates/" + n);
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) activity.get("object");
                object.put("content", "<p>edited, take " + n + "</p>");
                object.put("updated", Instant.now().toString());
            }
            bodies.add(activity);
            authors.add(sender);
        }
        Map<Integer, SigningKey> signingKeys = new ConcurrentHashMap<>();
        CavageSigner signer = new CavageSigner();
        Instant now = Instant.now();
        return IntStream.range(0, activities).parallel().mapToObj(n -> {
            int sender = authors.get(n);
            String actor = "http://" + domain + "/users/" + username(sender);
            SigningKey key = signingKeys.computeIfAbsent(sender, s -> new SigningKey(actor + "#main-key",
                    PemKeys.privateKeyFromPem(keys.get(s % keys.size()).privateKeyPem())));
            Map<String, Object> activity = bodies.get(n);
            byte[] body = JsonMapper.shared().writeValueAsBytes(activity);
            Object type = activity.get("type");
            String object = activity.get("object") instanceof Map<?, ?> map ? (String) map.get("id") : null;
            return new Signed(body, signer.sign("POST", inbox, body, key, now), "Create".equals(type) ? object : null,
                    "Delete".equals(type) ? object : null, sender);
        }).toList();
    }

    private static Map<String, Object> create(String actor, String note, int n, Random random) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", note);
        object.put("type", "Note");
        object.put("attributedTo", actor);
        object.put("published", Instant.now().toString());
        object.put("to", List.of(PUBLIC));
        object.put("cc", List.of(actor + "/followers"));
        String tag = "tag" + random.nextInt(50);
        object.put("content", "<p>Post " + n + " about <a href=\"" + actor + "/tags/" + tag
                + "\" class=\"mention hashtag\" rel=\"tag\">#<span>" + tag + "</span></a></p>");
        object.put("tag", List.of(Map.of("type", "Hashtag", "name", "#" + tag, "href", actor + "/tags/" + tag)));
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("@context", "https://www.w3.org/ns/activitystreams");
        activity.put("id", note + "/activity");
        activity.put("type", "Create");
        activity.put("actor", actor);
        activity.put("to", object.get("to"));
        activity.put("cc", object.get("cc"));
        activity.put("object", object);
        return activity;
    }

    private static Map<String, Object> interaction(String type, String actor, int n, String object) {
        return new LinkedHashMap<>(Map.of("@context", "https://www.w3.org/ns/activitystreams",
                "id", actor + "/" + type.toLowerCase() + "s/" + n, "type", type, "actor", actor, "object", object));
    }

    private static double[] zipfCumulative(int count, double exponent) {
        double[] cumulative = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < count; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double uniform) {
        int index = Arrays.binarySearch(cumulative, uniform);
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }
}
