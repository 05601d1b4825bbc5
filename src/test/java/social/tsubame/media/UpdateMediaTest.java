package social.tsubame.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.core.ApiException;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Visibility;
import social.tsubame.testing.TsubameTest;

@TsubameTest
class UpdateMediaTest {

    @Autowired
    UploadMedia uploadMedia;

    @Autowired
    UpdateMedia updateMedia;

    @Autowired
    PostStatus postStatus;

    @Autowired
    MediaAttachments attachments;

    @Autowired
    Accounts accounts;

    @Autowired
    CreateLocalAccount createLocalAccount;

    private Account mia;
    private Account otto;
    private MediaAttachment upload;

    @BeforeEach
    void anUpload() {
        mia = UploadMediaTest.localAccount(accounts, createLocalAccount, "mia");
        otto = UploadMediaTest.localAccount(accounts, createLocalAccount, "otto");
        upload = uploadMedia.upload(new UploadMedia.Command(mia.id(), TestImages.jpeg(8, 8), "first words", "0,0"));
    }

    @Test
    void theOwnerChangesDescriptionAndFocusOfAnUnattachedUpload() {
        updateMedia.update(new UpdateMedia.Command(mia.id(), upload.id(), "A cat, asleep", "-1,1"));

        MediaAttachment changed = attachments.findById(upload.id()).orElseThrow();
        assertThat(changed.description()).isEqualTo("A cat, asleep");
        assertThat(changed.focus()).isEqualTo(new FocalPoint(-1, 1));

        updateMedia.update(new UpdateMedia.Command(mia.id(), upload.id(), null, ""));
        MediaAttachment unfocused = attachments.findById(upload.id()).orElseThrow();
        assertThat(unfocused.description()).as("left as it was").isEqualTo("A cat, asleep");
        assertThat(unfocused.focus()).as("removed").isNull();

        assertThatThrownBy(() -> updateMedia.update(new UpdateMedia.Command(mia.id(), upload.id(), "y".repeat(1501),
                null))).isInstanceOf(ApiException.class).hasMessageContaining("too long");
        assertThat(attachments.findById(upload.id()).orElseThrow().description()).isEqualTo("A cat, asleep");
    }

    @Test
    void someoneElsesUploadDoesNotExistForThem() {
        assertThatThrownBy(() -> updateMedia.update(new UpdateMedia.Command(otto.id(), upload.id(), "mine now",
                null))).isInstanceOf(ApiException.class)
                .satisfies(thrown -> assertThat(((ApiException) thrown).status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(attachments.findById(upload.id()).orElseThrow().description()).isEqualTo("first words");
    }

    @Test
    void anAttachedUploadIsNoLongerChangedHere() {
        postStatus.post(new PostStatus.Command(mia.id(), "", null, false, Visibility.PUBLIC, "en", null,
                List.of(upload.id())));

        assertThatThrownBy(() -> updateMedia.update(new UpdateMedia.Command(mia.id(), upload.id(), "too late",
                null))).isInstanceOf(ApiException.class)
                .satisfies(thrown -> assertThat(((ApiException) thrown).status()).isEqualTo(HttpStatus.NOT_FOUND));
    }
}
