package social.tsubame.federation.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.activitystreams.Note;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.core.ServerIdentity;
import social.tsubame.federation.inbound.SignerKeys;
import social.tsubame.federation.mapping.LocalStatusToNote;
import social.tsubame.federation.signature.KeyUnavailableException;
import social.tsubame.federation.signature.SignatureRejectedException;
import social.tsubame.federation.signature.SignatureVerifier;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import social.tsubame.status.Visibility;

/**
 * Local statuses at their ids, for servers that fetch them. Public and unlisted ones go to anyone; followers-only and
 * direct ones only to a request signed by an actor allowed to read them (a follower, or someone mentioned), and
 * otherwise do not exist. Also at their pages' addresses ({@code /@alice/1}), as Mastodon answers there.
 */
@RestController
@Profile(Roles.FEDERATION)
class StatusObjectController {

    private final Accounts accounts;
    private final Statuses statuses;
    private final LocalStatusToNote toNote;
    private final SignatureVerifier verifier;
    private final SignerKeys keys;
    private final JdbcTemplate jdbc;
    private final ServerIdentity identity;

    StatusObjectController(Accounts accounts, Statuses statuses, LocalStatusToNote toNote, SignatureVerifier verifier,
                           SignerKeys keys, JdbcTemplate jdbc,
                           ServerIdentity identity) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.toNote = toNote;
        this.verifier = verifier;
        this.keys = keys;
        this.jdbc = jdbc;
        this.identity = identity;
    }

    /** Whether the request is signed by a follower of the author (for followers-only posts) or a mentioned account. */
    private boolean signerMayRead(HttpServletRequest request, Status status) {
        if (request.getHeader("Signature") == null && request.getHeader("Signature-Input") == null) {
            return false;
        }
        try {
            String keyId = verifier.verify(ServletSignedRequests.of(request, identity, new byte[0]), keys).keyId();
            return accounts.findByPublicKeyId(keyId).map(signer -> Boolean.TRUE.equals(jdbc.queryForObject("""
                    SELECT EXISTS (SELECT 1 FROM mentions WHERE status_id = ? AND account_id = ?)
                        OR (? = 'private' AND EXISTS (SELECT 1 FROM follows WHERE account_id = ?
                                                                             AND target_account_id = ?))
                    """, Boolean.class, status.id(), signer.id(), status.visibility().apiValue(), signer.id(),
                    status.accountId()))).orElse(false);
        } catch (SignatureRejectedException | KeyUnavailableException e) {
            return false;
        }
    }

    @ActivityPubGet({"/users/{username}/statuses/{id}", "/@{username}/{id}"})
    ResponseEntity<Note> note(@PathVariable String username, @PathVariable long id, HttpServletRequest request) {
        Account author = accounts.findLocal(username).filter(found -> !found.suspended())
                .orElseThrow(ApiException::notFound);
        Status status = statuses.findById(id)
                .filter(found -> found.accountId() == author.id() && found.reblogOfId() == null)
                .filter(found -> found.visibility() == Visibility.PUBLIC || found.visibility() == Visibility.UNLISTED
                        || signerMayRead(request, found))
                .orElseThrow(ApiException::notFound);
        if (status.isDeleted()) {
            throw new ApiException(HttpStatus.GONE, "Gone");
        }
        return ResponseEntity.ok().varyBy("Accept").body(toNote.convert(status, author));
    }
}
