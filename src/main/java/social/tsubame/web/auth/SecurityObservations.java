package social.tsubame.web.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No observation of each security filter, authentication and authorization: under an inbox flood they cost a
 * measurable share of the CPU, and the request's own observation ({@code http.server.requests}) already times it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
