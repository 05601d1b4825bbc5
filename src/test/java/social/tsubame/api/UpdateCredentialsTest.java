package social.tsubame.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.media.TestImages;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TsubameTest
class UpdateCredentialsTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Test
    void aUserChangesNameBioFieldsAndAvatarAndOtherServersSeeIt() throws Exception {
        createLocalAccount.create(new CreateLocalAccount.Command("frida", "frida@example.com",
                "correct horse battery", Role.USER));
        ApiClient api = new ApiClient(port);
        String token = api.userToken("frida", "correct horse battery", "read write");

        JsonNode changed = api.sendJson("PATCH", "/api/v1/accounts/update_credentials", token, Map.of(
                "display_name", "Frida K", "note", "Painter <3", "locked", true,
                "fields_attributes", List.of(Map.of("name", "Site", "value", "<b>frida.example</b>")))).json();

        assertThat(changed.get("display_name").asString()).isEqualTo("Frida K");
        assertThat(changed.get("note").asString()).isEqualTo("<p>Painter &lt;3</p>");
        assertThat(changed.get("locked").asBoolean()).isTrue();
        assertThat(changed.get("fields").get(0).get("value").asString()).isEqualTo("&lt;b&gt;frida.example&lt;/b&gt;");
        assertThat(changed.get("source").get("fields").get(0).get("value").asString())
                .isEqualTo("<b>frida.example</b>");
        assertThat(changed.get("source").get("note").asString()).isEqualTo("Painter <3");

        JsonNode withAvatar = JsonMapper.shared().readTree(patchAvatar(token, TestImages.jpeg(300, 300)));
        String avatar = withAvatar.get("avatar").asString();
        assertThat(avatar).doesNotContain("missing.png");
        assertThat(api.get(avatar.replaceFirst("^https?://[^/]+", ""), null).status()).isEqualTo(200);
        assertThat(withAvatar.get("display_name").asString()).isEqualTo("Frida K");

        HttpResponse<String> actor = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/users/frida")).header("Accept", "application/activity+json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JsonMapper.shared().readTree(actor.body()).get("icon").get("url").asString()).isEqualTo(avatar);
    }

    @Test
    void tooManyFieldsAreRefused() {
        createLocalAccount.create(new CreateLocalAccount.Command("gus", "gus@example.com", "correct horse battery",
                Role.USER));
        ApiClient api = new ApiClient(port);
        String token = api.userToken("gus", "correct horse battery", "read write");
        List<Map<String, String>> five = List.of(Map.of("name", "1", "value", "a"), Map.of("name", "2", "value", "b"),
                Map.of("name", "3", "value", "c"), Map.of("name", "4", "value", "d"), Map.of("name", "5", "value", "e"));

        assertThat(api.sendJson("PATCH", "/api/v1/accounts/update_credentials", token,
                Map.of("fields_attributes", five)).status()).isEqualTo(422);
    }

    private String patchAvatar(String token, byte[] image) throws Exception {
        String boundary = "tsubame-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"me.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(image);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/accounts/update_credentials"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
