package social.tsubame.media;

import java.awt.image.BufferedImage;

/**
 * The BlurHash of an image (the published algorithm of woltapp/blurhash): a short string from which clients paint a
 * blurred placeholder while the image loads, or in place of a sensitive one. Mastodon uses 4 × 4 components.
 */
final class Blurhash {

    private static final String BASE83 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
    private static final double[] SRGB_TO_LINEAR = new double[256];

    static {
        for (int value = 0; value < 256; value++) {
            double v = value / 255.0;
            SRGB_TO_LINEAR[value] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
    }

    private Blurhash() {
    }

    static String encode(BufferedImage image, int componentsX, int componentsY) {
        if (componentsX < 1 || componentsX > 9 || componentsY < 1 || componentsY > 9) {
            throw new IllegalArgumentException("components must be from 1 to 9");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        double[][] cosX = cosines(componentsX, width);
        double[][] cosY = cosines(componentsY, height);
        // factors[j * componentsX + i] = {r, g, b} of basis function (i, j)
        double[][] factors = new double[componentsX * componentsY][3];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                double r = SRGB_TO_LINEAR[row[x] >> 16 & 0xff];
                double g = SRGB_TO_LINEAR[row[x] >> 8 & 0xff];
                double b = SRGB_TO_LINEAR[row[x] & 0xff];
                for (int j = 0; j < componentsY; j++) {
                    for (int i = 0; i < componentsX; i++) {
                        double basis = cosX[i][x] * cosY[j][y];
                        double[] factor = factors[j * componentsX + i];
                        factor[0] += basis * r;
                        factor[1] += basis * g;
                        factor[2] += basis * b;
                    }
                }
            }
        }
        for (int k = 0; k < factors.length; k++) {
            double normalisation = (k == 0 ? 1.0 : 2.0) / ((double) width * height);
            for (int c = 0; c < 3; c++) {
                factors[k][c] *= normalisation;
            }
        }

        StringBuilder hash = new StringBuilder();
        appendBase83(hash, componentsX - 1 + (componentsY - 1) * 9, 1);
        double maximumValue;
        if (factors.length > 1) {
            double actualMaximum = 0;
            for (int k = 1; k < factors.length; k++) {
                for (double value : factors[k]) {
                    actualMaximum = Math.max(actualMaximum, Math.abs(value));
                }
            }
            int quantisedMaximum = (int) Math.max(0, Math.min(82, Math.floor(actualMaximum * 166 - 0.5)));
            maximumValue = (quantisedMaximum + 1) / 166.0;
            appendBase83(hash, quantisedMaximum, 1);
        } else {
            maximumValue = 1;
            appendBase83(hash, 0, 1);
        }
        double[] dc = factors[0];
        appendBase83(hash, linearToSrgb(dc[0]) << 16 | linearToSrgb(dc[1]) << 8 | linearToSrgb(dc[2]), 4);
        for (int k = 1; k < factors.length; k++) {
            double[] ac = factors[k];
            appendBase83(hash, quantiseAc(ac[0], maximumValue) * 19 * 19 + quantiseAc(ac[1], maximumValue) * 19
                    + quantiseAc(ac[2], maximumValue), 2);
        }
        return hash.toString();
    }

    /** {@code cos(π · component · position / size)} for every component and position. */
    private static double[][] cosines(int components, int size) {
        double[][] table = new double[components][size];
        for (int component = 0; component < components; component++) {
            for (int position = 0; position < size; position++) {
                table[component][position] = Math.cos(Math.PI * component * position / size);
            }
        }
        return table;
    }

    private static int linearToSrgb(double value) {
        double v = Math.max(0, Math.min(1, value));
        return v <= 0.0031308 ? (int) (v * 12.92 * 255 + 0.5)
                : (int) ((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static int quantiseAc(double value, double maximumValue) {
        double scaled = value / maximumValue;
        double signedRoot = Math.copySign(Math.sqrt(Math.abs(scaled)), scaled);
        return (int) Math.max(0, Math.min(18, Math.floor(signedRoot * 9 + 9.5)));
    }

    private static void appendBase83(StringBuilder out, int value, int length) {
        int divisor = 1;
        for (int i = 1; i < length; i++) {
            divisor *= 83;
        }
        for (int i = 0; i < length; i++) {
            out.append(BASE83.charAt(value / divisor % 83));
            divisor /= 83;
        }
    }
}
