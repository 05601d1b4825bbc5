package social.tsubame.admin.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.federation.BlockDomain;
import social.tsubame.federation.DomainBlock;
import social.tsubame.federation.DomainBlocks;
import social.tsubame.federation.UnblockDomain;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.RecordIds;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** Mastodon's {@code /api/v1/admin/domain_blocks}: the rules about remote servers, for owners and admins. */
@RestController
@Profile(Roles.WEB)
@RequestMapping("/api/v1/admin/domain_blocks")
class DomainBlocksAdminController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    record BlockParams(String domain, String severity, Boolean rejectMedia, Boolean rejectReports,
                       String privateComment, String publicComment, Boolean obfuscate) {

        BlockDomain.Command command() {
            DomainBlock.Severity parsed;
            try {
                parsed = severity == null || severity.isBlank() ? null : DomainBlock.Severity.parse(severity);
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable("Validation failed: " + e.getMessage());
            }
            return new BlockDomain.Command(domain, parsed, rejectMedia, rejectReports, privateComment, publicComment,
                    obfuscate);
        }
    }

    private final DomainBlocks blocks;
    private final BlockDomain blockDomain;
    private final UnblockDomain unblockDomain;
    private final ServerAdmins admins;

    DomainBlocksAdminController(DomainBlocks blocks, BlockDomain blockDomain, UnblockDomain unblockDomain,
                                ServerAdmins admins) {
        this.blocks = blocks;
        this.blockDomain = blockDomain;
        this.unblockDomain = unblockDomain;
        this.admins = admins;
    }

    /** Newest first, {@code limit} 100 and at most 500 a page, with {@code Link} to the pages beside, as Mastodon. */
    @GetMapping
    @RequiresScope("admin:read:domain_blocks")
    ResponseEntity<List<AdminDomainBlock>> list(@ApiParams PageParams params, Caller caller,
                                           HttpServletRequest request) {
        admins.require(caller);
        Page page = Page.of(params.maxId(), params.sinceId(), params.minId(),
                params.limit() == null ? DEFAULT_LIMIT : params.limit(), MAX_LIMIT);
        List<AdminDomainBlock> listed = blocks.page(page).stream().map(AdminDomainBlock::of).toList();
        return Page.respond(listed, item -> Long.parseLong(item.id()), request);
    }

    @GetMapping("/{id}")
    @RequiresScope("admin:read:domain_blocks")
    AdminDomainBlock show(@PathVariable String id, Caller caller) {
        admins.require(caller);
        return AdminDomainBlock.of(blocks.find(RecordIds.required(id)).orElseThrow(ApiException::notFound));
    }

    /** A domain blocked already (or covered by a parent's block at least as strict) answers 422, as Mastodon. */
    @PostMapping
    @RequiresScope("admin:write:domain_blocks")
    ResponseEntity<?> create(@ApiParams BlockParams params, Caller caller) {
        admins.require(caller);
        if (params.domain() == null || params.domain().isBlank()) {
            throw ApiException.unprocessable("Validation failed: Domain can't be blank");
        }
        BlockDomain.Command command = params.command();
        try {
            return ResponseEntity.ok(AdminDomainBlock.of(blockDomain.block(caller.accountId(), command)));
        } catch (BlockDomain.AlreadyBlocked e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            body.put("existing_domain_block", AdminDomainBlock.of(e.existing()));
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("Validation failed: " + e.getMessage());
        }
    }

    @PutMapping("/{id}")
    @RequiresScope("admin:write:domain_blocks")
    AdminDomainBlock update(@PathVariable String id, @ApiParams BlockParams params, Caller caller) {
        admins.require(caller);
        return AdminDomainBlock.of(blockDomain.update(caller.accountId(), RecordIds.required(id), params.command())
                .orElseThrow(ApiException::notFound));
    }

    @DeleteMapping("/{id}")
    @RequiresScope("admin:write:domain_blocks")
    Map<String, Object> delete(@PathVariable String id, Caller caller) {
        admins.require(caller);
        if (!unblockDomain.unblock(caller.accountId(), RecordIds.required(id))) {
            throw ApiException.notFound();
        }
        return Map.of();
    }
}
