package social.tsubame.api.media;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import social.tsubame.media.MediaProperties;

/**
 * Multipart requests carry files up to the media size limit ({@code tsubame.media.image-size-limit}), so that one
 * setting governs uploads; a larger file is refused while it arrives, with 413, before any of it is kept.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    /** Room for the other fields of an upload (description, focus) and the multipart framing around them. */
    private static final long OTHER_FIELDS = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(MediaProperties media) {
        long fileLimit = media.imageSizeLimit().toBytes();
        return new MultipartConfigElement("", fileLimit, fileLimit + OTHER_FIELDS, 0);
    }
}
