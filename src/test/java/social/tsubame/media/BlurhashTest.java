package social.tsubame.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/**
 * Our encoder agrees with the reference C encoder of woltapp/blurhash, which Mastodon runs through its Ruby gem,
 * on the same pixels. (The TypeScript encoder differs: it takes the largest AC value with its sign, not its magnitude.)
 */
class BlurhashTest {

    /** 64 × 48 pixels: red grows along x, green along y, blue along both. */
    private static BufferedImage gradient() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, (x * 4 & 255) << 16 | (y * 5 & 255) << 8 | (x + y) * 3 & 255);
            }
        }
        return image;
    }

    @Test
    void matchesTheReferenceImplementation() {
        assertThat(Blurhash.encode(gradient(), 4, 4)).isEqualTo("U#HLGL2R$0SimBaujyf4gFfnfOfhnla|jrfT");
        assertThat(Blurhash.encode(gradient(), 4, 3)).isEqualTo("L#HLGL2R$0SimBaujyf4gFfnfOfh");
        assertThat(Blurhash.encode(gradient(), 1, 1)).isEqualTo("00HLGL");
    }
}
