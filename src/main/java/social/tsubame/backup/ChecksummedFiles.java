package social.tsubame.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Files of a backup written and read with their SHA-256 and size. */
final class ChecksummedFiles {

    record Written(String sha256, long bytes) {
    }

    /** An output stream to a new file that knows, once closed, the checksum and size of what it wrote. */
    static final class Output extends FilterOutputStream {

        private final MessageDigest digest = sha256();
        private long bytes;

        Output(Path file) throws IOException {
            super(Files.newOutputStream(createParents(file)));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            digest.update(buffer, offset, length);
            bytes += length;
        }

        /** Valid once closed. */
        Written written() {
            return new Written(HexFormat.of().formatHex(digest.digest()), bytes);
        }
    }

    private ChecksummedFiles() {
    }

    static Written copy(InputStream in, Path file) throws IOException {
        Output out = new Output(file);
        try (out; in) {
            in.transferTo(out);
        }
        return out.written();
    }

    static Written of(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            long bytes = in.transferTo(OutputStream.nullOutputStream());
            return new Written(HexFormat.of().formatHex(digest.digest()), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Path createParents(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return file;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
