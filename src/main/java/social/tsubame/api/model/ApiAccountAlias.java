package social.tsubame.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One of the signed-in account's aliases ({@code alsoKnownAs}): Tsubame's own shape, as Mastodon keeps aliases in
 * its settings pages rather than its API.
 *
 * @param acct the handle, null for an actor this server no longer knows
 * @param uri  the actor id, as other servers see it in the actor document
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiAccountAlias(String acct, String uri) {
}
