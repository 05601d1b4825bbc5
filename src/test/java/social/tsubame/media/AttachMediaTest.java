package social.tsubame.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.core.ApiException;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import social.tsubame.status.Visibility;
import social.tsubame.testing.TsubameTest;

/** Uploads go onto the status their author posts with them, and nowhere else. */
@TsubameTest
class AttachMediaTest {

    @Autowired
    UploadMedia uploadMedia;

    @Autowired
    PostStatus postStatus;

    @Autowired
    MediaAttachments attachments;

    @Autowired
    Statuses statuses;

    @Autowired
    Accounts accounts;

    @Autowired
    CreateLocalAccount createLocalAccount;

    private Account mia;
    private Account otto;

    @BeforeEach
    void accounts() {
        mia = UploadMediaTest.localAccount(accounts, createLocalAccount, "mia");
        otto = UploadMediaTest.localAccount(accounts, createLocalAccount, "otto");
    }

    private MediaAttachment upload(Account owner) {
        return uploadMedia.upload(new UploadMedia.Command(owner.id(), TestImages.jpeg(64, 48), null, null));
    }

    private Status post(Account author, String text, List<Long> mediaIds) {
        return postStatus.post(new PostStatus.Command(author.id(), text, null, false, Visibility.PUBLIC, "en", null,
                mediaIds));
    }

    private static HttpStatus statusOf(Throwable thrown) {
        return ((ApiException) thrown).status();
    }

    @Test
    void uploadsAreAttachedInTheOrderGivenAndATextIsThenOptional() {
        MediaAttachment first = upload(mia);
        MediaAttachment second = upload(mia);

        Status status = post(mia, "", List.of(second.id(), first.id()));

        assertThat(attachments.ofStatus(status.id())).extracting(MediaAttachment::id)
                .containsExactly(second.id(), first.id());
        Status other = post(mia, "No pictures", List.of());
        Map<Long, List<MediaAttachment>> byStatus = attachments.ofStatuses(List.of(status.id(), other.id()));
        assertThat(byStatus).containsOnlyKeys(status.id());
        assertThat(byStatus.get(status.id())).extracting(MediaAttachment::id).containsExactly(second.id(), first.id());
        assertThatThrownBy(() -> post(mia, " ", List.of())).hasMessageContaining("can't be blank");
    }

    @Test
    void moreThanFourUploadsAreRefusedAndNoStatusIsLeft() {
        List<Long> five = IntStream.range(0, 5).mapToObj(i -> upload(mia).id()).toList();
        long before = statuses.count();

        assertThatThrownBy(() -> post(mia, "Five cats", five)).isInstanceOf(ApiException.class)
                .hasMessageContaining("more than 4")
                .satisfies(thrown -> assertThat(statusOf(thrown)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY));

        assertThat(statuses.count()).isEqualTo(before);
        assertThat(five).allSatisfy(id -> assertThat(attachments.findById(id).orElseThrow().statusId()).isNull());
    }

    @Test
    void someoneElsesUploadOrOneAttachedAlreadyIsRefusedAndTheStatusRolledBack() {
        MediaAttachment ottos = upload(otto);
        MediaAttachment mine = upload(mia);
        long before = statuses.count();

        assertThatThrownBy(() -> post(mia, "Borrowed cat", List.of(mine.id(), ottos.id())))
                .isInstanceOf(ApiException.class).hasMessageContaining(Long.toString(ottos.id()))
                .satisfies(thrown -> assertThat(statusOf(thrown)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY));
        assertThat(statuses.count()).isEqualTo(before);
        assertThat(attachments.findById(mine.id()).orElseThrow().statusId()).as("rolled back with the status").isNull();

        post(mia, "My cat", List.of(mine.id()));
        assertThatThrownBy(() -> post(mia, "My cat again", List.of(mine.id())))
                .isInstanceOf(ApiException.class).hasMessageContaining("already attached");
        assertThatThrownBy(() -> post(mia, "Unknown cat", List.of(-1L))).isInstanceOf(ApiException.class);
    }
}
