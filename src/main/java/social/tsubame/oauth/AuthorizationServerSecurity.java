package social.tsubame.oauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import social.tsubame.boot.Roles;
import social.tsubame.core.Uris;
import social.tsubame.web.auth.AnyOriginCors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth 2 endpoints at Mastodon's paths ({@code /oauth/authorize}, {@code /oauth/token}, {@code /oauth/revoke},
 * {@code /.well-known/oauth-authorization-server}), served by Spring Authorization Server with our apps, our hashed
 * token store, and a consent page on every authorization as Mastodon asks.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Profile(Roles.WEB)
class AuthorizationServerSecurity {

    static final String SIGN_IN_PAGE = "/auth/sign_in";
    static final String CONSENT_PAGE = "/oauth/consent";
    static final String OUT_OF_BAND_PAGE = "/oauth/authorize/native";

    @Bean
    AuthorizationServerSettings authorizationServerSettings(Uris uris) {
        return AuthorizationServerSettings.builder()
                .issuer(uris.base())
                .authorizationEndpoint("/oauth/authorize")
                .tokenEndpoint("/oauth/token")
                .tokenRevocationEndpoint("/oauth/revoke")
                .tokenIntrospectionEndpoint("/oauth/introspect")
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, ApplicationClients clients,
                                            HashedAuthorizations authorizations, AuthorizationServerSettings settings,
                                            Uris uris) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer
                        .registeredClientRepository(clients)
                        .authorizationService(authorizations)
                        .authorizationConsentService(new ConsentOnEveryAuthorization())
                        .authorizationServerSettings(settings)
                        .clientAuthentication(clientAuthentication -> clientAuthentication
                                .authenticationProviders(providers -> providers.stream()
                                        .filter(ClientSecretAuthenticationProvider.class::isInstance)
                                        .map(ClientSecretAuthenticationProvider.class::cast)
                                        .forEach(provider -> provider.setPasswordEncoder(new SecretHashes()))))
                        .authorizationEndpoint(authorization -> authorization
                                .consentPage(CONSENT_PAGE)
                                .authorizationResponseHandler(AuthorizationServerSecurity::sendCode))
                        .tokenEndpoint(token -> token.accessTokenResponseHandler(
                                AuthorizationServerSecurity::sendToken))
                        .authorizationServerMetadataEndpoint(metadata -> metadata
                                .authorizationServerMetadataCustomizer(claims -> claims
                                        .claim("scopes_supported", Scopes.ALL)
                                        .claim("response_modes_supported", List.of("query"))
                                        .claim("app_registration_endpoint", uris.base() + "/api/v1/apps")
                                        .claim("service_documentation", "https://docs.joinmastodon.org/"))))
                .addFilterBefore(new TokenRequestParameters(), SecurityContextHolderFilter.class)
                .cors(cors -> cors.configurationSource(AnyOriginCors.source()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // a person authorizing signs in; an app failing to authenticate gets OAuth's error, never a page
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE),
                                PathPatternRequestMatcher.withDefaults().matcher("/oauth/authorize"))
                        .defaultAuthenticationEntryPointFor(AuthorizationServerSecurity::invalidClient,
                                AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /**
     * Sends the browser back to the app with its code; an app without a web address ({@code oob}) gets a page
     * showing the code to copy.
     */
    private static void sendCode(HttpServletRequest request, HttpServletResponse response,
                                 Authentication authentication) throws IOException {
        var authorization = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        String code = authorization.getAuthorizationCode().getTokenValue();
        if (CreateApplication.OUT_OF_BAND.equals(authorization.getRedirectUri())) {
            response.sendRedirect(request.getContextPath() + OUT_OF_BAND_PAGE + "?code="
                    + UriUtils.encodeQueryParam(code, StandardCharsets.UTF_8));
            return;
        }
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(authorization.getRedirectUri())
                .queryParam(OAuth2ParameterNames.CODE, UriUtils.encodeQueryParam(code, StandardCharsets.UTF_8));
        if (authorization.getState() != null) {
            target.queryParam(OAuth2ParameterNames.STATE,
                    UriUtils.encodeQueryParam(authorization.getState(), StandardCharsets.UTF_8));
        }
        response.sendRedirect(target.build(true).toUriString());
    }

    private static void invalidClient(HttpServletRequest request, HttpServletResponse response,
                                      AuthenticationException failure) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JsonMapper.shared().writeValue(response.getOutputStream(), Map.of("error", "invalid_client",
                "error_description", "Client authentication failed"));
    }

    /** The token response as Mastodon shapes it: with {@code created_at}, which several apps read. */
    private static void sendToken(HttpServletRequest request, HttpServletResponse response,
                                  Authentication authentication) throws IOException {
        var issued = (OAuth2AccessTokenAuthenticationToken) authentication;
        OAuth2AccessToken accessToken = issued.getAccessToken();
        OAuth2AccessTokenResponse.Builder body = OAuth2AccessTokenResponse.withToken(accessToken.getTokenValue())
                .tokenType(accessToken.getTokenType())
                .scopes(accessToken.getScopes())
                .additionalParameters(Map.of("created_at", accessToken.getIssuedAt().getEpochSecond()));
        if (accessToken.getExpiresAt() != null) {
            body.expiresIn(accessToken.getExpiresAt().getEpochSecond() - accessToken.getIssuedAt().getEpochSecond());
        }
        if (issued.getRefreshToken() != null) {
            body.refreshToken(issued.getRefreshToken().getTokenValue());
        }
        HttpMessageConverter<OAuth2AccessTokenResponse> converter = new OAuth2AccessTokenResponseHttpMessageConverter();
        converter.write(body.build(), null, new ServletServerHttpResponse(response));
    }
}
