package social.tsubame.web.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Mastodon's CSV downloads ({@code /settings/exports/…}) outside the client API: a browser signed in through the
 * sign-in page gets them with its session, and apps (and the web client, which holds a token rather than a session)
 * with a bearer token, in the header or as {@code access_token} so that a plain link works.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SettingsExportsSecurity {

    static final String EXPORTS = "/settings/exports/**";

    @Bean
    @Order(2)
    SecurityFilterChain settingsExports(HttpSecurity http, ApiTokens tokens) throws Exception {
        DefaultBearerTokenResolver bearerTokens = new DefaultBearerTokenResolver();
        bearerTokens.setAllowUriQueryParameter(true);
        http.securityMatcher(EXPORTS)
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) ->
                        ApiErrors.write(response, HttpStatus.UNAUTHORIZED, "The access token is invalid")))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(bearerTokens)
                        .opaqueToken(opaque -> opaque.introspector(introspector(tokens)))
                        .authenticationEntryPoint((request, response, failure) -> ApiErrors.write(response,
                                HttpStatus.UNAUTHORIZED, "The access token is invalid")));
        return http.build();
    }

    private static OpaqueTokenIntrospector introspector(ApiTokens tokens) {
        return bearerToken -> tokens.find(bearerToken).map(TokenPrincipal::new)
                .orElseThrow(() -> new BadOpaqueTokenException("unknown, revoked or expired token"));
    }
}
