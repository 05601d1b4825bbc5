package social.tsubame.admin.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.api.model.ApiAccount;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Mastodon's Admin::Account as reports nest it: who an account is to the moderators. Remote accounts have no user,
 * so their email, locale and role are null; addresses are not kept, so {@code ip} is null and {@code ips} empty;
 * {@code sensitized} stays false while accounts cannot be marked sensitive.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminReportAccount(String id, String username, String domain, String createdAt, String email, String ip,
                          List<Object> ips, String locale, String inviteRequest, ApiAccount.Role role,
                          boolean confirmed, boolean approved, boolean disabled, boolean silenced, boolean suspended,
                          boolean sensitized, ApiAccount account) {
}
