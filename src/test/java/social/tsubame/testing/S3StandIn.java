package social.tsubame.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for an S3-compatible service on loopback that keeps objects in memory: PUT, GET, DELETE of an object
 * and ListObjectsV2, answered as S3 documents them, buckets addressed by path. No real S3 service takes part.
 */
public final class S3StandIn {

    /** Objects by "bucket/key". */
    public final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();
    /** "PUT bucket/key" and the like, in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** "bucket/key" of objects whose DELETE is refused, as for a key without the permission. */
    public final Set<String> undeletable = ConcurrentHashMap.newKeySet();

    private final HttpServer server;

    private S3StandIn(HttpServer server) {
        this.server = server;
    }

    public static S3StandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            S3StandIn standIn = new S3StandIn(server);
            server.createContext("/", standIn::answer);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8).substring(1);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        requests.add(exchange.getRequestMethod() + " " + path);
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                objects.put(path, body);
                exchange.getResponseHeaders().add("ETag", "\"1\"");
                exchange.sendResponseHeaders(200, -1);
            }
            case "GET" -> {
                if (query.containsKey("list-type")) {
                    list(exchange, path.replaceFirst("/$", ""), query.getOrDefault("prefix", ""));
                } else if (objects.containsKey(path)) {
                    byte[] object = objects.get(path);
                    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    exchange.sendResponseHeaders(200, object.length);
                    exchange.getResponseBody().write(object);
                } else {
                    xml(exchange, 404, "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist."
                            + "</Message></Error>");
                }
            }
            case "DELETE" -> {
                if (undeletable.contains(path)) {
                    xml(exchange, 403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
                } else {
                    objects.remove(path);
                    exchange.sendResponseHeaders(204, -1);
                }
            }
            default -> exchange.sendResponseHeaders(405, -1);
        }
        exchange.close();
    }

    private void list(HttpExchange exchange, String bucket, String prefix) throws IOException {
        StringBuilder contents = new StringBuilder();
        int count = 0;
        for (Map.Entry<String, byte[]> object : objects.entrySet()) {
            if (object.getKey().startsWith(bucket + "/" + prefix)) {
                contents.append("<Contents><Key>").append(escape(object.getKey().substring(bucket.length() + 1)))
                        .append("</Key><Size>").append(object.getValue().length).append("</Size></Contents>");
                count++;
            }
        }
        xml(exchange, 200, "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + bucket
                + "</Name><Prefix>" + escape(prefix) + "</Prefix><KeyCount>" + count
                + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>" + contents
                + "</ListBucketResult>");
    }

    private static void xml(HttpExchange exchange, int status, String document) throws IOException {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + document).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
