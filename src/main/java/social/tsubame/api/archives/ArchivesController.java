package social.tsubame.api.archives;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.media.MediaStorage;
import social.tsubame.portability.AccountArchive;
import social.tsubame.portability.AccountArchives;
import social.tsubame.portability.RequestArchive;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/**
 * Archives of one's posts, as Mastodon's "request your archive" makes them (it has no API for it): asked for, made
 * by a job, then downloaded as a zip by its owner alone.
 */
@RestController
@Profile(Roles.WEB)
class ArchivesController {

    private final RequestArchive requestArchive;
    private final AccountArchives archives;
    private final MediaStorage storage;

    ArchivesController(RequestArchive requestArchive, AccountArchives archives, MediaStorage storage) {
        this.requestArchive = requestArchive;
        this.archives = archives;
        this.storage = storage;
    }

    @PostMapping("/api/v1/archives")
    @RequiresScope("write")
    ApiArchive request(Caller caller) {
        return ApiArchive.of(requestArchive.request(caller.accountId()));
    }

    @GetMapping("/api/v1/archives")
    @RequiresScope("read")
    List<ApiArchive> list(Caller caller) {
        return archives.ownedBy(caller.accountId()).stream().map(ApiArchive::of).toList();
    }

    @GetMapping("/api/v1/archives/{id}")
    @RequiresScope("read")
    ApiArchive show(Caller caller, @PathVariable long id) {
        return ApiArchive.of(archives.findOwned(id, caller.accountId()).orElseThrow(ApiException::notFound));
    }

    @GetMapping("/api/v1/archives/{id}/download")
    @RequiresScope("read")
    ResponseEntity<Resource> download(Caller caller, @PathVariable long id) {
        AccountArchive archive = archives.findOwned(id, caller.accountId()).filter(AccountArchive::finished)
                .orElseThrow(ApiException::notFound);
        Resource file = storage.get(archive.fileKey()).orElseThrow(ApiException::notFound);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("archive-" + id + ".zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file);
    }
}
