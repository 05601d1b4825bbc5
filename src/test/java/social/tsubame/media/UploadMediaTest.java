package social.tsubame.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.core.ApiException;
import social.tsubame.testing.TsubameTest;

@TsubameTest
class UploadMediaTest {

    @Autowired
    UploadMedia uploadMedia;

    @Autowired
    MediaStorage storage;

    @Autowired
    MediaAttachments attachments;

    @Autowired
    Accounts accounts;

    @Autowired
    CreateLocalAccount createLocalAccount;

    private Account mia;

    @BeforeEach
    void mia() {
        mia = localAccount(accounts, createLocalAccount, "mia");
    }

    static Account localAccount(Accounts accounts, CreateLocalAccount createLocalAccount, String username) {
        return accounts.findLocal(username).orElseGet(() -> createLocalAccount.create(new CreateLocalAccount.Command(
                username, username + "@example.org", "correct horse battery", Role.USER)).account());
    }

    private MediaAttachment upload(byte[] file) {
        return uploadMedia.upload(new UploadMedia.Command(mia.id(), file, null, null));
    }

    private byte[] stored(String key) throws IOException {
        return storage.get(key).orElseThrow().getContentAsByteArray();
    }

    private static HttpStatus statusOf(Throwable thrown) {
        return ((ApiException) thrown).status();
    }

    @Test
    void aPhotoIsTurnedUprightAndStoredWithoutItsExif() throws IOException {
        // Taken with the camera on its side: stored 40 wide, 20 high, with orientation 6 ("turn 90° clockwise").
        byte[] photo = TestImages.withExif(TestImages.jpeg(40, 20), 6, "Snoopy Camera Co");

        MediaAttachment media = uploadMedia.upload(new UploadMedia.Command(mia.id(), photo, "A cat on a sofa",
                "0.5,-0.25"));

        MediaAttachment saved = attachments.findById(media.id()).orElseThrow();
        assertThat(saved.type()).isEqualTo("image");
        assertThat(saved.fileContentType()).isEqualTo("image/jpeg");
        assertThat(saved.statusId()).isNull();
        assertThat(saved.description()).isEqualTo("A cat on a sofa");
        assertThat(saved.focus()).isEqualTo(new FocalPoint(0.5f, -0.25f));
        assertThat(saved.meta().original()).isEqualTo(new MediaMeta.Dimensions(20, 40));
        assertThat(saved.meta().small()).isEqualTo(new MediaMeta.Dimensions(20, 40));
        assertThat(saved.blurhash()).hasSize(36);

        byte[] file = stored(saved.fileKey());
        assertThat(saved.fileSize()).isEqualTo(file.length);
        assertThat(TestImages.jpegMarkers(file)).as("no APP1 (EXIF) segment").doesNotContain(0xE1);
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("Snoopy");
        BufferedImage upright = TestImages.read(file);
        assertThat(upright.getWidth()).isEqualTo(20);
        assertThat(upright.getHeight()).isEqualTo(40);
        assertThat(new Color(upright.getRGB(10, 5)).getRed()).as("the left (red) half is on top now")
                .isGreaterThan(200);
        assertThat(new Color(upright.getRGB(10, 35)).getBlue()).as("and the blue half below").isGreaterThan(200);
        assertThat(TestImages.jpegMarkers(stored(saved.thumbnailKey()))).doesNotContain(0xE1);
    }

    @Test
    void aPictureOverThePixelLimitIsScaledDownKeepingItsShape() throws IOException {
        MediaAttachment media = upload(TestImages.jpeg(4000, 2500));

        MediaMeta.Dimensions original = media.meta().original();
        assertThat((long) original.width() * original.height()).isLessThanOrEqualTo(3840L * 2160)
                .isGreaterThan(3800L * 2100);
        assertThat((double) original.width() / original.height()).isCloseTo(1.6, offset(0.01));
        BufferedImage file = TestImages.read(stored(media.fileKey()));
        assertThat(file.getWidth()).isEqualTo(original.width());
        assertThat(file.getHeight()).isEqualTo(original.height());

        MediaMeta.Dimensions small = media.meta().small();
        assertThat((long) small.width() * small.height()).isLessThanOrEqualTo(640L * 360).isGreaterThan(600L * 340);
        BufferedImage thumbnail = TestImages.read(stored(media.thumbnailKey()));
        assertThat(thumbnail.getWidth()).isEqualTo(small.width());
        assertThat(media.blurhash()).hasSize(36);
    }

    @Test
    void aTransparentPngStaysPng() throws IOException {
        BufferedImage image = new BufferedImage(30, 30, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(5, 5, 0x80FF0000);

        MediaAttachment media = upload(TestImages.png(image));

        assertThat(media.fileContentType()).isEqualTo("image/png");
        assertThat(media.fileKey()).endsWith(".png");
        assertThat(media.thumbnailKey()).endsWith("-small.png");
        BufferedImage file = TestImages.read(stored(media.fileKey()));
        assertThat(file.getRGB(5, 5) >>> 24).isEqualTo(0x80);
        assertThat(file.getRGB(0, 0) >>> 24).isZero();
    }

    @Test
    void aStillGifBecomesAPngAndAnAnimatedOneIsRefused() {
        MediaAttachment still = upload(TestImages.gif(1));
        assertThat(still.fileContentType()).isEqualTo("image/png");
        assertThat(still.meta().original()).isEqualTo(new MediaMeta.Dimensions(16, 16));

        assertThatThrownBy(() -> upload(TestImages.gif(3)))
                .isInstanceOf(ApiException.class).hasMessageContaining("Animated")
                .satisfies(thrown -> assertThat(statusOf(thrown)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY));
    }

    @Test
    void webpBecomesJpegOrPngWhenItHasTransparency() {
        assertThat(upload(TestImages.WEBP_LOSSY).fileContentType()).isEqualTo("image/jpeg");
        assertThat(upload(TestImages.WEBP_ALPHA).fileContentType()).isEqualTo("image/png");
    }

    @Test
    void filesThatAreNoImageWeReadAreRefusedWith422() {
        for (byte[] file : new byte[][] {"<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8),
                TestImages.write(TestImages.redLeftBlueRight(8, 8), "bmp"),
                Arrays.copyOf(TestImages.jpeg(64, 64), 200)}) {
            assertThatThrownBy(() -> upload(file)).isInstanceOf(ApiException.class)
                    .satisfies(thrown -> assertThat(statusOf(thrown)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY));
        }
        assertThatThrownBy(() -> upload(new byte[0])).hasMessageContaining("can't be blank");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWith413() {
        byte[] tooLarge = new byte[16 * 1024 * 1024 + 1];

        assertThatThrownBy(() -> upload(tooLarge)).isInstanceOf(ApiException.class)
                .hasMessageContaining("16 MB")
                .satisfies(thrown -> assertThat(statusOf(thrown)).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }

    @Test
    void aLongDescriptionOrABadFocusIsRefusedBeforeProcessing() {
        byte[] photo = TestImages.jpeg(10, 10);
        long before = attachments.count();

        assertThatThrownBy(() -> uploadMedia.upload(new UploadMedia.Command(mia.id(), photo, "x".repeat(1501), null)))
                .hasMessageContaining("1500");
        assertThatThrownBy(() -> uploadMedia.upload(new UploadMedia.Command(mia.id(), photo, null, "2,0")))
                .hasMessageContaining("Focus");
        assertThatThrownBy(() -> uploadMedia.upload(new UploadMedia.Command(mia.id(), photo, null, "left")))
                .hasMessageContaining("Focus");
        assertThat(attachments.count()).isEqualTo(before);
        assertThat(uploadMedia.upload(new UploadMedia.Command(mia.id(), photo, "😺".repeat(1500), null))
                .description()).as("characters are counted, not UTF-16 units").hasSize(3000);
    }
}
