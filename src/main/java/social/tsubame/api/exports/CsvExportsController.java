package social.tsubame.api.exports;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.portability.CsvExport;
import social.tsubame.portability.CsvExports;
import social.tsubame.web.auth.SignedInAccounts;

/**
 * Mastodon's CSV downloads at its addresses, {@code /settings/exports/follows.csv} and so on, for the sign-in session
 * and for a bearer token that may read what the file holds.
 */
@RestController
@Profile(Roles.WEB)
class CsvExportsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CsvExports exports;
    private final SignedInAccounts signedIn;

    CsvExportsController(CsvExports exports, SignedInAccounts signedIn) {
        this.exports = exports;
        this.signedIn = signedIn;
    }

    @GetMapping("/settings/exports/{name}.csv")
    ResponseEntity<String> download(@PathVariable String name) {
        CsvExport export = CsvExport.at(name).orElseThrow(ApiException::notFound);
        long accountId = signedIn.current(export.scope());
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(exports.export(export, accountId));
    }
}
