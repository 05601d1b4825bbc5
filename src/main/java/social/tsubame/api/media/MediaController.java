package social.tsubame.api.media;

import java.io.IOException;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import social.tsubame.api.model.ApiMediaAttachment;
import social.tsubame.api.model.MediaAttachmentToApiMediaAttachment;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.media.MediaAttachments;
import social.tsubame.media.UpdateMedia;
import social.tsubame.media.UploadMedia;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/**
 * Mastodon's media endpoints: upload an image, read and change it until a status takes it. Images are processed
 * while the upload waits, so both versions of the upload answer 200 with the finished attachment. Every endpoint
 * needs {@code write:media}, reading too, as on Mastodon.
 */
@RestController
@Profile(Roles.WEB)
class MediaController {

    /** What an update may change, as form fields or JSON; a field left out stays as it is. */
    record MediaChanges(String description, String focus) {
    }

    private final UploadMedia uploadMedia;
    private final UpdateMedia updateMedia;
    private final MediaAttachments attachments;
    private final MediaAttachmentToApiMediaAttachment toApi;

    MediaController(UploadMedia uploadMedia, UpdateMedia updateMedia, MediaAttachments attachments,
                    MediaAttachmentToApiMediaAttachment toApi) {
        this.uploadMedia = uploadMedia;
        this.updateMedia = updateMedia;
        this.attachments = attachments;
        this.toApi = toApi;
    }

    @PostMapping(path = {"/api/v1/media", "/api/v2/media"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresScope("write:media")
    ApiMediaAttachment upload(Caller caller, @RequestParam(required = false) MultipartFile file,
                              @RequestParam(required = false) String description,
                              @RequestParam(required = false) String focus) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiException.unprocessable("Validation failed: File can't be blank");
        }
        return toApi.convert(uploadMedia.upload(new UploadMedia.Command(caller.accountId(), file.getBytes(),
                description, focus)));
    }

    @GetMapping("/api/v1/media/{id}")
    @RequiresScope("write:media")
    ApiMediaAttachment show(Caller caller, @PathVariable long id) {
        return toApi.convert(attachments.findUnattached(caller.accountId(), id).orElseThrow(ApiException::notFound));
    }

    @PutMapping("/api/v1/media/{id}")
    @RequiresScope("write:media")
    ApiMediaAttachment update(Caller caller, @PathVariable long id, @ApiParams MediaChanges changes) {
        return toApi.convert(updateMedia.update(new UpdateMedia.Command(caller.accountId(), id,
                changes.description(), changes.focus())));
    }
}
