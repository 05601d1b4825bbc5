package social.tsubame.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running Tsubame the way a Mastodon app does: registers an app, walks a person through sign-in and
 * consent in a cookie-keeping browser session, and calls the API with the token it got.
 */
public final class ApiClient {

    public static final String REDIRECT_URI = "https://app.example/callback";

    private static final JsonMapper json = JsonMapper.shared();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public ApiClient(int port) {
        this("http://localhost:" + port);
    }

    public ApiClient(String base) {
        this.base = base;
    }

    public record App(String clientId, String clientSecret) {
    }

    public App registerApp(String scopes) {
        JsonNode app = postForm("/api/v1/apps", null, Map.of("client_name", "Test app",
                "redirect_uris", REDIRECT_URI, "scopes", scopes)).json();
        return new App(app.get("client_id").asString(), app.get("client_secret").asString());
    }

    /** Signs in as {@code login}, allows the app and exchanges the code: a user token with {@code scopes}. */
    public String userToken(String login, String password, String scopes) {
        App app = registerApp(scopes);
        String verifier = "verifier-" + System.nanoTime() + "-0123456789abcdefghijklmnopqrstuvwxyz";
        String code = authorize(app, login, password, scopes, verifier);
        return exchange(app, code, verifier).json().get("access_token").asString();
    }

    /** The code flow in a browser up to the redirect back to the app; returns the code. */
    public String authorize(App app, String login, String password, String scopes, String verifier) {
        Browser browser = new Browser();
        String authorizePath = "/oauth/authorize?" + form(Map.of("response_type", "code",
                "client_id", app.clientId(), "redirect_uri", REDIRECT_URI, "scope", scopes, "state", "xyz",
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        Response first = browser.get(authorizePath);
        if (first.location().contains("/auth/sign_in")) {
            browser.signIn(login, password);
        }
        Response consent = browser.get(authorizePath);
        String state = query(consent.location()).get("state");
        Response approved = browser.post("/oauth/authorize", Map.of("client_id", app.clientId(), "state", state,
                "scope", scopes.split(" ")[0]), scopes.split(" "));
        return query(approved.location()).get("code");
    }

    public Response exchange(App app, String code, String verifier) {
        return postForm("/oauth/token", null, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "client_id", app.clientId(), "client_secret", app.clientSecret(),
                "code_verifier", verifier));
    }

    public Response get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(authorized(request, token));
    }

    public Response postForm(String path, String token, Map<String, String> fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        return send(authorized(request, token));
    }

    /** Posts {@code fields} and one file under {@code fileField} as {@code multipart/form-data}. */
    public Response postMultipart(String path, String token, Map<String, String> fields, String fileField,
                                  byte[] file) {
        String boundary = "tsubame-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; "
                + "name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"upload.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(authorized(request, token));
    }

    public Response postJson(String path, String token, Object body) {
        return sendJson("POST", path, token, body);
    }

    public Response postJsonWithHeader(String path, String token, Object body, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return send(authorized(request, token));
    }

    public Response sendJson(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return send(authorized(request, token));
    }

    public Response delete(String path, String token) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        return send(http, request.build());
    }

    private static Response send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(""),
                    response.headers().firstValue("Link").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String location, String link) {

        public JsonNode json() {
            return ApiClient.json.readTree(body);
        }
    }

    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> query(String uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(uri).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        return values;
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser session: keeps cookies, follows nothing by itself. */
    public final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        public Response get(String path) {
            return send(session, HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .GET().build());
        }

        /** Posts a form; {@code repeatedScopes} are sent as several {@code scope} fields, as the consent page does. */
        public Response post(String path, Map<String, String> fields, String... repeatedScopes) {
            Map<String, String> single = new LinkedHashMap<>(fields);
            String body = form(single);
            if (repeatedScopes.length > 0) {
                single.remove("scope");
                body = form(single) + "&" + java.util.Arrays.stream(repeatedScopes)
                        .map(scope -> "scope=" + encode(scope)).collect(Collectors.joining("&"));
            }
            return send(session, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        public Response signIn(String login, String password) {
            return post("/auth/sign_in", Map.of("username", login, "password", password,
                    "_csrf", csrfToken("/auth/sign_in")));
        }

        /** The CSRF token of this session, as the form on the page at {@code path} carries it. */
        public String csrfToken(String path) {
            Matcher csrf = CSRF.matcher(get(path).body());
            if (!csrf.find()) {
                throw new IllegalStateException("the page " + path + " has no CSRF token");
            }
            return csrf.group(1);
        }
    }
}
