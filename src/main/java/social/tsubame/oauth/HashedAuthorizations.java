package social.tsubame.oauth;

import java.security.Principal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.core.Uris;
import social.tsubame.oauth.PendingConsents.PendingConsent;

/**
 * Keeps the authorization server's state in our own tables, every code and token as a SHA-256 hash only. An
 * authorization lives in one of three places, named by the prefix of its id: a request waiting for consent (Redis),
 * an issued code ({@code oauth_access_grants}), an issued token with its refresh token ({@code oauth_access_tokens}).
 * What was never stored in clear cannot be handed back, so an authorization found by one token carries only that
 * token's value; that is all the authorization server needs to check, refresh or revoke it.
 */
@Component
class HashedAuthorizations implements OAuth2AuthorizationService {

    private static final String CONSENT = "consent-";
    private static final String GRANT = "grant-";
    private static final String TOKEN = "token-";
    private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);
    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    private final JdbcTemplate jdbc;
    private final PendingConsents consents;
    private final ApplicationClients clients;
    private final TimeOrderedIds ids;
    private final Uris uris;
    private final Clock clock;

    HashedAuthorizations(JdbcTemplate jdbc, PendingConsents consents, ApplicationClients clients, TimeOrderedIds ids,
                         Uris uris, Clock clock) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.clients = clients;
        this.ids = ids;
        this.uris = uris;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void save(OAuth2Authorization authorization) {
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null) {
            savePendingConsent(authorization, state);
            return;
        }
        if (authorization.getId().startsWith(CONSENT)) {
            consents.remove(authorization.getId().substring(CONSENT.length()));
        }
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        if (code != null) {
            saveCode(authorization, code);
        }
        if (authorization.getAccessToken() != null) {
            saveToken(authorization);
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        String id = authorization.getId();
        if (id.startsWith(CONSENT)) {
            consents.remove(id.substring(CONSENT.length()));
        } else if (id.startsWith(GRANT)) {
            jdbc.update("DELETE FROM oauth_access_grants WHERE id = ?", Long.parseLong(id.substring(GRANT.length())));
        } else if (id.startsWith(TOKEN)) {
            jdbc.update("UPDATE oauth_access_tokens SET revoked_at = now() WHERE id = ?",
                    Long.parseLong(id.substring(TOKEN.length())));
        }
    }

    @Override
    public OAuth2Authorization findById(String id) {
        // the authorization server looks authorizations up by their tokens only
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType type) {
        if (type == null) {
            return findAccessToken(token).or(() -> findRefreshToken(token)).or(() -> findCode(token))
                    .or(() -> findPendingConsent(token)).orElse(null);
        }
        Optional<OAuth2Authorization> found = switch (type.getValue()) {
            case OAuth2ParameterNames.ACCESS_TOKEN -> findAccessToken(token);
            case OAuth2ParameterNames.REFRESH_TOKEN -> findRefreshToken(token);
            case OAuth2ParameterNames.CODE -> findCode(token);
            case OAuth2ParameterNames.STATE -> findPendingConsent(token);
            default -> Optional.empty();
        };
        return found.orElse(null);
    }

    private void savePendingConsent(OAuth2Authorization authorization, String state) {
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Map<String, String> parameters = new HashMap<>();
        request.getAdditionalParameters().forEach((name, value) -> {
            if (value instanceof String text) {
                parameters.put(name, text);
            }
        });
        consents.put(SecretHashes.hash(state), new PendingConsent(authorization.getRegisteredClientId(),
                authorization.getPrincipalName(), request.getRedirectUri(), request.getScopes(), request.getState(),
                parameters));
    }

    private void saveCode(OAuth2Authorization authorization, OAuth2Authorization.Token<OAuth2AuthorizationCode> code) {
        String hash = SecretHashes.hash(code.getToken().getTokenValue());
        if (code.isInvalidated()) {
            jdbc.update("UPDATE oauth_access_grants SET revoked_at = now() WHERE code_hash = ? AND revoked_at IS NULL",
                    hash);
            return;
        }
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Map<String, Object> parameters = request.getAdditionalParameters();
        jdbc.update("""
                INSERT INTO oauth_access_grants (id, application_id, resource_owner_id, code_hash, redirect_uri, scopes,
                                                 code_challenge, code_challenge_method, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code_hash) DO NOTHING""",
                ids.next(), Long.parseLong(authorization.getRegisteredClientId()),
                Long.parseLong(authorization.getPrincipalName()), hash,
                request.getRedirectUri() == null ? "" : request.getRedirectUri(),
                Scopes.join(authorization.getAuthorizedScopes()), parameters.get(PkceParameterNames.CODE_CHALLENGE),
                parameters.get(PkceParameterNames.CODE_CHALLENGE_METHOD),
                Timestamp.from(code.getToken().getExpiresAt()));
    }

    private void saveToken(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
        String accessHash = SecretHashes.hash(access.getToken().getTokenValue());
        String refreshHash = refresh == null ? null : SecretHashes.hash(refresh.getToken().getTokenValue());
        if (access.isInvalidated() || refresh != null && refresh.isInvalidated()) {
            jdbc.update("""
                    UPDATE oauth_access_tokens SET revoked_at = now()
                    WHERE (token_hash = ? OR refresh_token_hash = ?) AND revoked_at IS NULL""",
                    accessHash, refreshHash);
            return;
        }
        Instant expiresAt = access.getToken().getExpiresAt();
        String id = authorization.getId();
        if (id.startsWith(TOKEN)) {
            // a refresh: the new pair replaces the old one, which stops working
            jdbc.update("""
                    UPDATE oauth_access_tokens SET token_hash = ?, refresh_token_hash = ?, expires_at = ?
                    WHERE id = ? AND token_hash <> ?""", accessHash, refreshHash, timestamp(expiresAt),
                    Long.parseLong(id.substring(TOKEN.length())), accessHash);
            return;
        }
        boolean forUser = !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType());
        jdbc.update("""
                INSERT INTO oauth_access_tokens (id, application_id, resource_owner_id, token_hash, refresh_token_hash,
                                                 scopes, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (token_hash) DO NOTHING""",
                ids.next(), Long.parseLong(authorization.getRegisteredClientId()),
                forUser ? Long.parseLong(authorization.getPrincipalName()) : null, accessHash, refreshHash,
                Scopes.join(authorization.getAuthorizedScopes()), timestamp(expiresAt),
                Timestamp.from(clock.instant()));
    }

    private Optional<OAuth2Authorization> findPendingConsent(String state) {
        String stateHash = SecretHashes.hash(state);
        return consents.find(stateHash).flatMap(pending -> client(pending.registeredClientId()).map(client -> {
            Map<String, Object> parameters = new HashMap<>(pending.parameters());
            OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri(uris.base() + "/oauth/authorize")
                    .clientId(client.getClientId())
                    .redirectUri(pending.redirectUri())
                    .scopes(pending.scopes())
                    .state(pending.clientState())
                    .additionalParameters(parameters)
                    .build();
            return base(client, CONSENT + stateHash, pending.principalName(), AuthorizationGrantType.AUTHORIZATION_CODE)
                    .attribute(OAuth2AuthorizationRequest.class.getName(), request)
                    .attribute(OAuth2ParameterNames.STATE, state)
                    .build();
        }));
    }

    private Optional<OAuth2Authorization> findCode(String code) {
        record Grant(long id, long applicationId, long userId, String redirectUri, String scopes, String challenge,
                     String challengeMethod, Instant createdAt, Instant expiresAt) {
        }
        List<Grant> grants = jdbc.query("""
                SELECT id, application_id, resource_owner_id, redirect_uri, scopes, code_challenge,
                       code_challenge_method, created_at, expires_at
                FROM oauth_access_grants WHERE code_hash = ? AND revoked_at IS NULL""",
                (row, index) -> new Grant(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getTimestamp(8).toInstant(),
                        row.getTimestamp(9).toInstant()),
                SecretHashes.hash(code));
        return grants.stream().findFirst().flatMap(grant -> client(grant.applicationId()).map(client -> {
            Map<String, Object> parameters = new HashMap<>();
            if (grant.challenge() != null) {
                parameters.put(PkceParameterNames.CODE_CHALLENGE, grant.challenge());
                parameters.put(PkceParameterNames.CODE_CHALLENGE_METHOD, grant.challengeMethod());
            }
            Set<String> scopes = split(grant.scopes());
            OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri(uris.base() + "/oauth/authorize")
                    .clientId(client.getClientId())
                    .redirectUri(grant.redirectUri().isEmpty() ? null : grant.redirectUri())
                    .scopes(scopes)
                    .additionalParameters(parameters)
                    .build();
            return base(client, GRANT + grant.id(), Long.toString(grant.userId()),
                    AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizedScopes(scopes)
                    .token(new OAuth2AuthorizationCode(code, grant.createdAt(), grant.expiresAt()))
                    .attribute(OAuth2AuthorizationRequest.class.getName(), request)
                    .build();
        }));
    }

    private Optional<OAuth2Authorization> findAccessToken(String token) {
        return findTokenRow("token_hash", token).map(row -> row.builder
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, row.createdAt,
                        row.expiresAt, row.scopes))
                .build());
    }

    private Optional<OAuth2Authorization> findRefreshToken(String token) {
        return findTokenRow("refresh_token_hash", token).map(row -> row.builder
                .refreshToken(new OAuth2RefreshToken(token, row.createdAt))
                .build());
    }

    private record TokenRow(OAuth2Authorization.Builder builder, Set<String> scopes, Instant createdAt,
                            Instant expiresAt) {
    }

    private Optional<TokenRow> findTokenRow(String hashColumn, String token) {
        record Row(long id, long applicationId, Long userId, String scopes, Instant createdAt, Instant expiresAt) {
        }
        List<Row> rows = jdbc.query("SELECT id, application_id, resource_owner_id, scopes, created_at, expires_at"
                        + " FROM oauth_access_tokens WHERE " + hashColumn + " = ? AND revoked_at IS NULL",
                (row, index) -> new Row(row.getLong(1), row.getLong(2), (Long) row.getObject(3), row.getString(4),
                        row.getTimestamp(5).toInstant(),
                        row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant()),
                SecretHashes.hash(token));
        return rows.stream().findFirst().flatMap(row -> client(row.applicationId()).map(client -> {
            Set<String> scopes = split(row.scopes());
            boolean forUser = row.userId() != null;
            OAuth2Authorization.Builder builder = base(client, TOKEN + row.id(),
                    forUser ? row.userId().toString() : client.getClientId(),
                    forUser ? AuthorizationGrantType.AUTHORIZATION_CODE : AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .authorizedScopes(scopes);
            return new TokenRow(builder, scopes, row.createdAt(), row.expiresAt());
        }));
    }

    private OAuth2Authorization.Builder base(RegisteredClient client, String id, String principalName,
                                             AuthorizationGrantType grantType) {
        return OAuth2Authorization.withRegisteredClient(client)
                .id(id)
                .principalName(principalName)
                .authorizationGrantType(grantType)
                .attribute(Principal.class.getName(),
                        UsernamePasswordAuthenticationToken.authenticated(principalName, null, List.of()));
    }

    private Optional<RegisteredClient> client(Object applicationId) {
        return Optional.ofNullable(clients.findById(applicationId.toString()));
    }

    private static Set<String> split(String scopes) {
        return scopes.isBlank() ? Set.of() : new LinkedHashSet<>(List.of(scopes.split(" ")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
