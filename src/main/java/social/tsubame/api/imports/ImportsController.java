package social.tsubame.api.imports;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.portability.BulkImports;
import social.tsubame.portability.ImportType;
import social.tsubame.portability.StartImport;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/**
 * Imports of Mastodon's CSV files (follows, blocks, mutes, blocked domains, bookmarks, lists). Mastodon takes them on
 * its settings pages only; here they are an API, so that the web client and apps can offer them: the file is checked
 * and kept at once, and done by a job whose progress the import shows.
 */
@RestController
@Profile(Roles.WEB)
class ImportsController {

    private static final int LISTED = 40;

    private final StartImport startImport;
    private final BulkImports imports;

    ImportsController(StartImport startImport, BulkImports imports) {
        this.startImport = startImport;
        this.imports = imports;
    }

    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresScope({"write:follows", "write:blocks", "write:mutes", "write:bookmarks", "write:lists",
            "write:statuses"})
    ApiImport create(Caller caller, @RequestParam(required = false) String type,
                     @RequestParam(required = false) String mode,
                     @RequestParam(required = false) MultipartFile data) {
        ImportType.of(type).filter(known -> !caller.allows(known.scope())).ifPresent(known -> {
            throw new ApiException(HttpStatus.FORBIDDEN, "This action is outside the authorized scopes");
        });
        return ApiImport.of(startImport.start(new StartImport.Command(caller.accountId(), type, mode,
                data == null || data.isEmpty() ? null : data)));
    }

    @GetMapping("/api/v1/imports")
    @RequiresScope({"read:follows", "read:blocks", "read:mutes", "read:bookmarks", "read:lists",
            "read:statuses"})
    List<ApiImport> list(Caller caller) {
        return imports.ownedBy(caller.accountId(), LISTED).stream().map(ApiImport::of).toList();
    }

    @GetMapping("/api/v1/imports/{id}")
    @RequiresScope({"read:follows", "read:blocks", "read:mutes", "read:bookmarks", "read:lists",
            "read:statuses"})
    ApiImport show(Caller caller, @PathVariable long id) {
        return ApiImport.of(imports.findOwned(id, caller.accountId()).orElseThrow(ApiException::notFound));
    }
}
