package social.tsubame.web.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The client API is stateless: each request is whoever its bearer token says, from the {@code Authorization}
 * header, an {@code access_token} parameter or form field (as Mastodon accepts). A request without a token passes
 * as anonymous; endpoints that need a user ask for a {@link Caller}. Browser apps on other origins may call it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain clientApi(HttpSecurity http, ApiTokens tokens) throws Exception {
        DefaultBearerTokenResolver bearerTokens = new DefaultBearerTokenResolver();
        bearerTokens.setAllowUriQueryParameter(true);
        bearerTokens.setAllowFormEncodedBodyParameter(true);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(AnyOriginCors.source()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(bearerTokens)
                        .opaqueToken(opaque -> opaque.introspector(introspector(tokens)))
                        .authenticationEntryPoint((request, response, failure) -> ApiErrors.write(response,
                                HttpStatus.UNAUTHORIZED, "The access token is invalid"))
                        .accessDeniedHandler((request, response, denied) -> ApiErrors.write(response,
                                HttpStatus.FORBIDDEN, "This action is outside the authorized scopes")));
        return http.build();
    }

    private static OpaqueTokenIntrospector introspector(ApiTokens tokens) {
        return bearerToken -> tokens.find(bearerToken).map(TokenPrincipal::new)
                .orElseThrow(() -> new BadOpaqueTokenException("unknown, revoked or expired token"));
    }
}
