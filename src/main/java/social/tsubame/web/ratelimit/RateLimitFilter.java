package social.tsubame.web.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import social.tsubame.queue.RedisKeys;
import social.tsubame.web.ApiError;
import social.tsubame.web.ratelimit.RateLimitSettings.Limit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts requests per client in Redis, so every web process shares the count: sign-ups, sign-ins and token
 * requests by address; API calls by token, or by address without one. Over the limit answers 429 with Mastodon's
 * {@code X-RateLimit-*} headers and {@code Retry-After}.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final ProxyManager<String> buckets;
    private final RateLimitSettings settings;
    private final RedisKeys keys;

    RateLimitFilter(ProxyManager<String> buckets, RateLimitSettings settings, RedisKeys keys) {
        this.buckets = buckets;
        this.settings = settings;
        this.keys = keys;
    }

    private record Rule(String name, Limit limit, String client) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Rule rule = ruleFor(request);
        if (rule == null) {
            chain.doFilter(request, response);
            return;
        }
        Limit limit = rule.limit();
        ConsumptionProbe probe = buckets.builder()
                .build(keys.key("ratelimit:" + rule.name() + ":" + rule.client()), () -> BucketConfiguration.builder()
                        .addLimit(bandwidth -> bandwidth.capacity(limit.requests())
                                .refillIntervally(limit.requests(), limit.period()))
                        .build())
                .tryConsumeAndReturnRemaining(1);
        Instant reset = Instant.now().plusNanos(probe.getNanosToWaitForReset());
        response.setHeader("X-RateLimit-Limit", Integer.toString(limit.requests()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("X-RateLimit-Reset", DateTimeFormatter.ISO_INSTANT.format(reset));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long waitSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JsonMapper.shared().writeValue(response.getOutputStream(), new ApiError("Too many requests"));
    }

    private Rule ruleFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean post = HttpMethod.POST.matches(request.getMethod());
        String address = request.getRemoteAddr();
        if (post && (path.equals("/api/v1/accounts") || path.equals("/auth/sign_up"))) {
            return new Rule("sign-up", settings.signUp(), address);
        }
        if (post && path.equals("/auth/sign_in")) {
            return new Rule("sign-in", settings.signIn(), address);
        }
        if (post && (path.equals("/oauth/token") || path.equals("/oauth/revoke"))) {
            return new Rule("token", settings.token(), address);
        }
        if (!path.startsWith("/api/")) {
            return null;
        }
        String token = bearerToken(request);
        if (post && (path.equals("/api/v1/media") || path.equals("/api/v2/media"))) {
            return new Rule("media", settings.media(), token == null ? address : token);
        }
        return token == null ? new Rule("api-anonymous", settings.anonymousApi(), address)
                : new Rule("api", settings.authenticatedApi(), token);
    }

    /** A hash of the token, not the token: Redis keys are visible to anyone reading Redis. */
    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : request.getParameter("access_token");
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
