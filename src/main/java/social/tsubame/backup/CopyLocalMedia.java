package social.tsubame.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

import social.tsubame.media.MediaStorage;

/** Copies local media files out of the media storage (a folder or a bucket) into a backup. */
@Component
class CopyLocalMedia {

    record Copied(List<BackupManifest.MediaFile> files, List<String> missing) {
    }

    private final MediaStorage storage;

    CopyLocalMedia(MediaStorage storage) {
        this.storage = storage;
    }

    Copied copy(List<LocalMediaKeys.Key> keys, Path folder, BackupProgress progress) {
        List<BackupManifest.MediaFile> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        long bytes = 0;
        for (LocalMediaKeys.Key key : keys) {
            Optional<Resource> stored = MediaStorage.isValidKey(key.key()) ? storage.get(key.key()) : Optional.empty();
            if (stored.isEmpty()) {
                // Deleted since the snapshot, or lost before it: the backup says so rather than failing.
                missing.add(key.key());
                continue;
            }
            String file = "media/" + key.key();
            try {
                ChecksummedFiles.Written written = ChecksummedFiles.copy(stored.get().getInputStream(),
                        folder.resolve(file));
                files.add(new BackupManifest.MediaFile(key.key(), contentType(key), file, written.sha256(),
                        written.bytes()));
                bytes += written.bytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy media file " + key.key(), e);
            }
            progress.mediaFile(files.size(), keys.size(), bytes);
        }
        return new Copied(files, missing);
    }

    private static String contentType(LocalMediaKeys.Key key) {
        if (key.contentType() != null) {
            return key.contentType();
        }
        return MediaTypeFactory.getMediaType(key.key()).map(Object::toString).orElse("application/octet-stream");
    }
}
