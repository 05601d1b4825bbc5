package social.tsubame.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.api.model.ApiDates;
import social.tsubame.federation.DomainAllow;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Mastodon's {@code Admin::DomainAllow}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminDomainAllow(String id, String domain, String createdAt) {

    static AdminDomainAllow of(DomainAllow allow) {
        return new AdminDomainAllow(String.valueOf(allow.id()), allow.domain(), ApiDates.format(allow.createdAt()));
    }
}
