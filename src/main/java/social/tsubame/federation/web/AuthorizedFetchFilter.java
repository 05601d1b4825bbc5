package social.tsubame.federation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import social.tsubame.account.Accounts;
import social.tsubame.boot.Roles;
import social.tsubame.core.ServerIdentity;
import social.tsubame.federation.DomainPolicy;
import social.tsubame.federation.inbound.SignerKeys;
import social.tsubame.federation.signature.KeyUnavailableException;
import social.tsubame.federation.signature.SignatureRejectedException;
import social.tsubame.federation.signature.SignatureVerifier;
import social.tsubame.federation.signature.VerifiedSignature;

/**
 * Authorized-fetch mode ({@code AUTHORIZED_FETCH=true}): ActivityPub documents of accounts and their posts and
 * collections go only to requests signed by a server we federate with. The server's own actor stays public, since
 * other servers need its key to check signatures made in this mode. Browsers asking for HTML are not affected.
 */
@Component
@Profile(Roles.FEDERATION)
@ConditionalOnProperty(name = "tsubame.federation.authorized-fetch", havingValue = "true")
class AuthorizedFetchFilter extends OncePerRequestFilter {

    private final SignatureVerifier verifier;
    private final SignerKeys keys;
    private final Accounts accounts;
    private final DomainPolicy domains;
    private final ServerIdentity identity;

    AuthorizedFetchFilter(SignatureVerifier verifier, SignerKeys keys, Accounts accounts,
                          DomainPolicy domains, ServerIdentity identity) {
        this.verifier = verifier;
        this.keys = keys;
        this.accounts = accounts;
        this.domains = domains;
        this.identity = identity;
    }

    /**
     * Every GET of an account's documents at their ids, whatever it accepts (the controllers also answer plain
     * JSON), judged on the decoded path the controllers are matched on; only a browser asking for a page is let
     * through. At the pages' addresses ({@code /@alice}) only requests for JSON are judged: anything else gets the
     * page there.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        boolean wantsJson = accept != null && accept.contains("json");
        boolean wantsPage = accept != null && accept.contains("text/html") && !wantsJson;
        String path = request.getServletPath();
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        if (path.startsWith("/@")) {
            return !wantsJson;
        }
        return wantsPage || !path.startsWith("/users/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        VerifiedSignature signature;
        try {
            signature = verifier.verify(ServletSignedRequests.of(request, identity, new byte[0]), keys);
        } catch (SignatureRejectedException e) {
            refuse(response, HttpStatus.UNAUTHORIZED, "Request not signed: " + e.getMessage());
            return;
        } catch (KeyUnavailableException e) {
            refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "The signing key could not be fetched");
            return;
        }
        boolean allowed = accounts.findByPublicKeyId(signature.keyId())
                .map(signer -> !domains.refuses(signer.domain()))
                .orElse(false);
        if (!allowed) {
            refuse(response, HttpStatus.FORBIDDEN, "Not allowed");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
