package social.tsubame.web.auth;

import java.util.List;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Apps that run in a browser (Elk, Phanpy…) call the API and the token endpoints from their own origin, with
 * bearer tokens rather than cookies, so any origin may.
 */
public final class AnyOriginCors {

    /** What apps fetch: never the pages that use the sign-in session. */
    private static final List<String> PATHS = List.of("/api/**", "/oauth/token", "/oauth/revoke",
            "/.well-known/**", "/nodeinfo/**");

    private AnyOriginCors() {
    }

    public static CorsConfigurationSource source() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOriginPattern("*");
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.addAllowedHeader("*");
        cors.setExposedHeaders(List.of("Link", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
                "X-Request-Id", "Idempotency-Key"));
        cors.setMaxAge(86_400L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : PATHS) {
            source.registerCorsConfiguration(path, cors);
        }
        return source;
    }
}
