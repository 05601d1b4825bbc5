package social.tsubame.api.instance;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.instance.InstanceSettings;
import social.tsubame.instance.PublicDomainBlocks;

/**
 * Mastodon's {@code GET /api/v1/instance/domain_blocks}: the servers this one limits or suspends, when the operators
 * show them on {@code /about} too; otherwise 404, as Mastodon answers with the list hidden.
 */
@RestController
@Profile(Roles.WEB)
class InstanceDomainBlocksController {

    /** Mastodon's {@code DomainBlock} entity; {@code comment} is left out without a public comment. */
    record ApiDomainBlock(String domain, String digest, String severity,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {
    }

    private final InstanceSettings settings;
    private final PublicDomainBlocks blocks;

    InstanceDomainBlocksController(InstanceSettings settings, PublicDomainBlocks blocks) {
        this.settings = settings;
        this.blocks = blocks;
    }

    @GetMapping("/api/v1/instance/domain_blocks")
    List<ApiDomainBlock> domainBlocks() {
        if (!settings.showDomainBlocks()) {
            throw ApiException.notFound();
        }
        return blocks.all().stream()
                .map(block -> new ApiDomainBlock(block.domain(), block.digest(), block.severity(), block.comment()))
                .toList();
    }
}
