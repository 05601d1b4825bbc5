package social.tsubame.media;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import social.tsubame.core.Uris;

@Configuration(proxyBeanMethods = false)
class MediaStorageConfiguration {

    @Bean
    MediaStorage mediaStorage(MediaProperties properties, Uris uris) {
        return properties.s3().enabled() ? new S3MediaStorage(properties.s3())
                : new LocalMediaStorage(properties.localPath(), uris);
    }
}
