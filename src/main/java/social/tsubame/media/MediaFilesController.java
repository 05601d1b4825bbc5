package social.tsubame.media;

import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;

/**
 * Serves the files of {@link MediaStorage} at {@code /system/media/{key}}, where the URLs of local storage point;
 * private files are not served here.
 * Keys are never reused, so a file is cached for a year; the headers keep a browser from running a file as anything
 * but the image it is.
 */
@RestController
@Profile(Roles.WEB)
class MediaFilesController {

    private final MediaStorage storage;

    MediaFilesController(MediaStorage storage) {
        this.storage = storage;
    }

    @GetMapping("/system/media/{*key}")
    ResponseEntity<Resource> file(@PathVariable String key) {
        String storageKey = key.startsWith("/") ? key.substring(1) : key;
        if (MediaStorage.isPrivate(storageKey)) {
            throw ApiException.notFound();
        }
        Resource file = storage.get(storageKey).orElseThrow(ApiException::notFound);
        return ResponseEntity.ok()
                .contentType(MediaTypeFactory.getMediaType(storageKey).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .cacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; form-action 'none'")
                .body(file);
    }
}
