package social.tsubame.federation.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.activitystreams.Document;
import social.tsubame.activitystreams.Note;
import social.tsubame.media.MediaAttachment;
import social.tsubame.media.MediaStorage;
import social.tsubame.media.TestImages;
import social.tsubame.media.UploadMedia;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TsubameTest
class LocalStatusToNoteTest {

    @Autowired
    LocalStatusToNote toNote;

    @Autowired
    UploadMedia uploadMedia;

    @Autowired
    PostStatus postStatus;

    @Autowired
    MediaStorage storage;

    @Autowired
    JsonMapper json;

    @Autowired
    Accounts accounts;

    @Autowired
    CreateLocalAccount createLocalAccount;

    private Status post(Account author, String text, List<Long> mediaIds) {
        return postStatus.post(new PostStatus.Command(author.id(), text, null, false, Visibility.PUBLIC, "en", null,
                mediaIds));
    }

    @Test
    void theNoteOfALocalPostCarriesItsImagesAsMastodonSendsThem() {
        Account nina = accounts.findLocal("nina").orElseGet(() -> createLocalAccount.create(
                new CreateLocalAccount.Command("nina", "nina@example.org", "correct horse battery", Role.USER))
                .account());
        MediaAttachment photo = uploadMedia.upload(new UploadMedia.Command(nina.id(), TestImages.jpeg(64, 48),
                "Two colours, side by side", "0.25,-0.5"));
        Status status = post(nina, "Look", List.of(photo.id()));

        Note note = toNote.convert(status, nina);

        assertThat(note.attachment()).containsExactly(new Document("Document", "image/jpeg",
                storage.url(photo.fileKey()), "Two colours, side by side", photo.blurhash(), List.of(0.25f, -0.5f),
                64, 48));
        JsonNode document = json.valueToTree(note).path("attachment").get(0);
        assertThat(document.path("type").asString()).isEqualTo("Document");
        assertThat(document.path("mediaType").asString()).isEqualTo("image/jpeg");
        assertThat(document.path("url").asString()).endsWith("/system/media/" + photo.fileKey());
        assertThat(document.path("name").asString()).isEqualTo("Two colours, side by side");
        assertThat(document.path("blurhash").asString()).isEqualTo(photo.blurhash());
        assertThat(document.path("focalPoint").get(1).asDouble()).isEqualTo(-0.5);
        assertThat(document.path("width").asInt()).isEqualTo(64);
        assertThat(document.path("height").asInt()).isEqualTo(48);
        assertThat(toNote.convert(post(nina, "Words only", List.of()), nina).attachment()).isEmpty();
    }
}
