package social.tsubame.admin.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.api.model.ApiAccount;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An account as moderators see it (Mastodon's Admin::Account). Login fields are null for a remote account;
 * {@code account} is null for a suspended one, which the client API shows to no one.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminAccount(String id, String username, String domain, String createdAt, String email, String ip,
                    List<Object> ips, String locale, String inviteRequest, AdminRole role, boolean confirmed,
                    boolean approved, boolean disabled, boolean silenced, boolean suspended, boolean sensitized,
                    ApiAccount account, String createdByApplicationId, String invitedByAccountId) {

    long idValue() {
        return Long.parseLong(id);
    }

    AdminAccount withAccount(ApiAccount apiAccount) {
        return new AdminAccount(id, username, domain, createdAt, email, ip, ips, locale, inviteRequest, role,
                confirmed, approved, disabled, silenced, suspended, sensitized, apiAccount, createdByApplicationId,
                invitedByAccountId);
    }

    /** The role as Mastodon's user roles name it; ids follow Mastodon's built-in roles. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AdminRole(String id, String name, String permissions, String color, boolean highlighted) {
    }
}
