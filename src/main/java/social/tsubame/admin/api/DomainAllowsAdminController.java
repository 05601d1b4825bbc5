package social.tsubame.admin.api;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.federation.AllowDomain;
import social.tsubame.federation.DomainBlocks;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.RecordIds;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/**
 * Mastodon's {@code /api/v1/admin/domain_allows}: the servers federated with in limited federation mode. Allowing a
 * domain twice answers the entry it has.
 */
@RestController
@Profile(Roles.WEB)
@RequestMapping("/api/v1/admin/domain_allows")
class DomainAllowsAdminController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    record AllowParams(String domain) {
    }

    private final DomainBlocks blocks;
    private final AllowDomain allowDomain;
    private final ServerAdmins admins;

    DomainAllowsAdminController(DomainBlocks blocks, AllowDomain allowDomain, ServerAdmins admins) {
        this.blocks = blocks;
        this.allowDomain = allowDomain;
        this.admins = admins;
    }

    /** Newest first, {@code limit} 100 and at most 500 a page, with {@code Link} to the pages beside, as Mastodon. */
    @GetMapping
    @RequiresScope("admin:read:domain_allows")
    ResponseEntity<List<AdminDomainAllow>> list(@ApiParams PageParams params, Caller caller,
                                           HttpServletRequest request) {
        admins.require(caller);
        Page page = Page.of(params.maxId(), params.sinceId(), params.minId(),
                params.limit() == null ? DEFAULT_LIMIT : params.limit(), MAX_LIMIT);
        List<AdminDomainAllow> listed = blocks.allowedPage(page).stream().map(AdminDomainAllow::of).toList();
        return Page.respond(listed, item -> Long.parseLong(item.id()), request);
    }

    @GetMapping("/{id}")
    @RequiresScope("admin:read:domain_allows")
    AdminDomainAllow show(@PathVariable String id, Caller caller) {
        admins.require(caller);
        return AdminDomainAllow.of(blocks.findAllowed(RecordIds.required(id))
                .orElseThrow(ApiException::notFound));
    }

    @PostMapping
    @RequiresScope("admin:write:domain_allows")
    AdminDomainAllow create(@ApiParams AllowParams params, Caller caller) {
        admins.require(caller);
        if (params.domain() == null || params.domain().isBlank()) {
            throw ApiException.unprocessable("Validation failed: Domain can't be blank");
        }
        try {
            return AdminDomainAllow.of(allowDomain.allow(caller.accountId(), params.domain()));
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("Validation failed: " + e.getMessage());
        }
    }

    @DeleteMapping("/{id}")
    @RequiresScope("admin:write:domain_allows")
    Map<String, Object> delete(@PathVariable String id, Caller caller) {
        admins.require(caller);
        if (!allowDomain.disallow(caller.accountId(), RecordIds.required(id))) {
            throw ApiException.notFound();
        }
        return Map.of();
    }
}
