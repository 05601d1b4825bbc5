package social.tsubame.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

import org.springframework.stereotype.Component;

import social.tsubame.core.ApiException;

/**
 * Makes what we store of an uploaded image: the picture turned upright as its EXIF orientation says, scaled down to
 * the pixel limit and encoded anew, which leaves its metadata (camera, place, time) behind; a thumbnail of Mastodon's
 * "small" area; a blurhash. Reads JPEG, PNG, WebP and still GIF. JPEG and PNG keep their format, GIF becomes PNG, and
 * WebP, which Java cannot write, becomes PNG when it has transparency and JPEG otherwise.
 */
@Component
class ImageProcessor {

    /** The area of Mastodon's "small" version, 640 × 360. */
    private static final long THUMBNAIL_PIXELS = 640L * 360;
    /** Larger pictures are refused unread: even decoded in steps, one would cost seconds of CPU. */
    private static final long MAX_SOURCE_PIXELS = 16_384L * 16_384;
    private static final Set<String> READABLE = Set.of("jpeg", "png", "gif", "webp");
    private static final Set<String> MAYBE_ANIMATED = Set.of("gif", "webp");
    private static final float JPEG_QUALITY = 0.9f;
    private static final int BLURHASH_COMPONENTS = 4;

    private enum Output {
        JPEG("image/jpeg", "jpg", "jpeg"),
        PNG("image/png", "png", "png");

        final String contentType;
        final String extension;
        final String writerFormat;

        Output(String contentType, String extension, String writerFormat) {
            this.contentType = contentType;
            this.extension = extension;
            this.writerFormat = writerFormat;
        }
    }

    private record Decoded(String format, BufferedImage image) {
    }

    private final long pixelLimit;
    private final Semaphore slots;

    ImageProcessor(MediaProperties properties) {
        // The readers for more formats register through the class loader at hand: make sure it is the application's.
        ImageIO.scanForPlugins();
        this.pixelLimit = properties.imagePixelLimit();
        // Decoding takes a core and tens of megabytes while it runs: one image per core, the others wait their turn.
        this.slots = new Semaphore(Runtime.getRuntime().availableProcessors());
    }

    /**
     * @throws ApiException 422 when the file is no image we read, is animated, or is too large to decode
     */
    ProcessedImage process(byte[] file) {
        slots.acquireUninterruptibly();
        try {
            Decoded decoded = decode(file);
            BufferedImage original = standardRgb(scaledToArea(decoded.image(), pixelLimit));
            BufferedImage small = standardRgb(scaledToArea(original, THUMBNAIL_PIXELS));
            Output output = switch (decoded.format()) {
                case "jpeg" -> Output.JPEG;
                case "webp" -> hasTransparency(original) ? Output.PNG : Output.JPEG;
                default -> Output.PNG;
            };
            return new ProcessedImage(output.contentType, output.extension, encode(original, output),
                    encode(small, output), Blurhash.encode(small, BLURHASH_COMPONENTS, BLURHASH_COMPONENTS));
        } finally {
            slots.release();
        }
    }

    private Decoded decode(byte[] file) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw notSupported();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!READABLE.contains(format)) {
                    throw notSupported();
                }
                if (MAYBE_ANIMATED.contains(format) && reader.getNumImages(true) > 1) {
                    throw ApiException.unprocessable("Validation failed: Animated images are not supported");
                }
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_SOURCE_PIXELS) {
                    throw ApiException.unprocessable("Validation failed: Image is larger than 16384 × 16384 pixels");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // Far above the limit, read every n-th pixel only, keeping memory bounded; the scaling after smooths.
                int step = (int) Math.sqrt((double) pixels / pixelLimit);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                Orientation orientation = format.equals("jpeg") ? orientation(reader) : null;
                BufferedImage image = reader.read(0, param);
                return new Decoded(format, orientation == null ? image
                        : ExifFilterUtils.getFilterForOrientation(orientation).apply(image));
            } finally {
                reader.dispose();
            }
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Readers report broken files with any exception; to the client it is one thing: an unreadable file.
            throw ApiException.unprocessable("Validation failed: File could not be read as an image");
        }
    }

    /** The EXIF orientation of a JPEG; none when it has none or its metadata cannot be read. */
    private static Orientation orientation(ImageReader reader) {
        try {
            return ExifUtils.getExifOrientation(reader, 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ApiException notSupported() {
        return ApiException.unprocessable("Validation failed: File is not a supported image (JPEG, PNG, WebP or GIF)");
    }

    /** The image scaled down, keeping its proportions, to at most {@code maxPixels}; the image itself if it fits. */
    private static BufferedImage scaledToArea(BufferedImage image, long maxPixels) {
        long pixels = (long) image.getWidth() * image.getHeight();
        if (pixels <= maxPixels) {
            return image;
        }
        double factor = Math.sqrt((double) maxPixels / pixels);
        int width = Math.max(1, (int) (image.getWidth() * factor));
        int height = Math.max(1, (int) (image.getHeight() * factor));
        try {
            return Thumbnails.of(image).forceSize(width, height).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The image in 8-bit sRGB, with alpha if it has any: what the writers, the scaler and the blurhash all take,
     * whatever the file held (grey, 16-bit, indexed colours, CMYK or a colour profile).
     */
    private static BufferedImage standardRgb(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D graphics = converted.createGraphics();
        graphics.drawImage(image, 0, 0, null);
        graphics.dispose();
        return converted;
    }

    private static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int pixel : row) {
                if (pixel >>> 24 != 0xff) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ProcessedImage.Encoded encode(BufferedImage image, Output output) {
        BufferedImage picture = output == Output.JPEG ? opaque(image) : image;
        ImageWriter writer = ImageIO.getImageWritersByFormatName(output.writerFormat).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (output == Output.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            // No metadata goes along: none of what the upload carried reaches the stored file.
            writer.write(null, new IIOImage(picture, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return new ProcessedImage.Encoded(bytes.toByteArray(), image.getWidth(), image.getHeight());
    }

    /** JPEG has no alpha channel. */
    private static BufferedImage opaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage flat = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = flat.createGraphics();
        graphics.drawImage(image, 0, 0, Color.WHITE, null);
        graphics.dispose();
        return flat;
    }
}
