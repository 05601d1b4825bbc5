package social.tsubame.pages;

import java.util.List;

import org.springframework.stereotype.Component;

import social.tsubame.instance.PublicDomainBlocks;

/**
 * The servers this one limits or suspends, as the about page shows them when the operators choose to: the domain
 * (masked where the block asks for it) and the public comment, never the private one.
 */
@Component
class ServerDomainBlocks {

    record Shown(String domain, String severity, String comment) {
    }

    private final PublicDomainBlocks blocks;

    ServerDomainBlocks(PublicDomainBlocks blocks) {
        this.blocks = blocks;
    }

    List<Shown> all() {
        return blocks.all().stream().map(block -> new Shown(block.domain(),
                block.severity().equals("suspend") ? "Suspended" : "Limited",
                block.comment() == null ? "" : block.comment())).toList();
    }
}
