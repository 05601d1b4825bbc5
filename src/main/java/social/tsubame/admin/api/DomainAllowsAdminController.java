package social.tsubame.admin.api;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
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

    @GetMapping
    @RequiresScope("admin:read:domain_allows")
    List<AdminDomainAllow> list(Caller caller) {
        admins.require(caller);
        return blocks.allowed().stream().map(AdminDomainAllow::of).toList();
    }

    @GetMapping("/{id}")
    @RequiresScope("admin:read:domain_allows")
    AdminDomainAllow show(@PathVariable String id, Caller caller) {
        admins.require(caller);
        return AdminDomainAllow.of(blocks.findAllowed(DomainBlocksAdminController.parseId(id))
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
        if (!allowDomain.disallow(caller.accountId(), DomainBlocksAdminController.parseId(id))) {
            throw ApiException.notFound();
        }
        return Map.of();
    }
}
