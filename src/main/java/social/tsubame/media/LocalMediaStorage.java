package social.tsubame.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import social.tsubame.core.Uris;

/** Media files in a folder of this server, served by {@link MediaFilesController} at {@code /system/media/}. */
class LocalMediaStorage implements MediaStorage {

    private final Path root;
    private final Uris uris;

    LocalMediaStorage(Path root, Uris uris) {
        this.root = root.toAbsolutePath().normalize();
        this.uris = uris;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        store(key, partial -> Files.write(partial, content));
    }

    @Override
    public void putPrivate(String key, Path file, String contentType) {
        MediaStorage.requirePrivate(key);
        store(key, partial -> Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING));
    }

    private interface Writing {
        void into(Path partial) throws IOException;
    }

    private void store(String key, Writing writing) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            // Written aside and moved in, so that a reader never sees half a file.
            Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
            try {
                writing.into(partial);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store media file " + key, e);
        }
    }

    @Override
    public Optional<Resource> get(String key) {
        if (!MediaStorage.isValidKey(key)) {
            return Optional.empty();
        }
        Path file = root.resolve(key);
        return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete media file " + key, e);
        }
    }

    @Override
    public String url(String key) {
        return uris.localMedia(key);
    }

    private Path resolve(String key) {
        if (!MediaStorage.isValidKey(key)) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return root.resolve(key);
    }
}
