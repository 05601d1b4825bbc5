package social.tsubame.web.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many requests each kind of caller may make per period; Mastodon's defaults. */
@ConfigurationProperties("tsubame.rate-limits")
public record RateLimitSettings(boolean enabled, Limit signUp, Limit signIn, Limit token, Limit media,
                                Limit authenticatedApi, Limit anonymousApi) {

    public record Limit(int requests, Duration period) {
    }

    public RateLimitSettings {
        signUp = orDefault(signUp, 5, Duration.ofMinutes(30));
        signIn = orDefault(signIn, 25, Duration.ofMinutes(5));
        token = orDefault(token, 50, Duration.ofMinutes(5));
        media = orDefault(media, 30, Duration.ofMinutes(30));
        authenticatedApi = orDefault(authenticatedApi, 1500, Duration.ofMinutes(5));
        anonymousApi = orDefault(anonymousApi, 300, Duration.ofMinutes(5));
    }

    private static Limit orDefault(Limit limit, int requests, Duration period) {
        return limit == null ? new Limit(requests, period) : limit;
    }
}
