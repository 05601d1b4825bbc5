package social.tsubame.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.api.model.ApiDates;
import social.tsubame.federation.DomainBlock;
import social.tsubame.instance.PublicDomainBlocks;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Mastodon's {@code Admin::DomainBlock}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminDomainBlock(String id, String domain, String digest, String createdAt, String severity,
                        boolean rejectMedia, boolean rejectReports, String privateComment, String publicComment,
                        boolean obfuscate) {

    static AdminDomainBlock of(DomainBlock block) {
        return new AdminDomainBlock(String.valueOf(block.id()), block.domain(),
                PublicDomainBlocks.digest(block.domain()), ApiDates.format(block.createdAt()),
                block.severity().apiValue(), block.rejectMedia(), block.rejectReports(), block.privateComment(),
                block.publicComment(), block.obfuscate());
    }
}
