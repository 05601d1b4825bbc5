package social.tsubame.streaming;

import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The accounts a streamed status involves, read from its payload: its author, the author of what it boosts, and
 * the accounts it mentions, with their domains. A viewer who blocks or mutes any of them does not get it on a
 * public stream, as on Mastodon.
 */
record StatusAuthors(Set<Long> accountIds, Set<String> domains) {

    static StatusAuthors of(JsonNode status) {
        Set<Long> accountIds = new HashSet<>();
        Set<String> domains = new HashSet<>();
        add(status.path("account"), accountIds, domains);
        add(status.path("reblog").path("account"), accountIds, domains);
        for (JsonNode mention : status.path("mentions")) {
            add(mention, accountIds, domains);
        }
        return new StatusAuthors(Set.copyOf(accountIds), Set.copyOf(domains));
    }

    private static void add(JsonNode account, Set<Long> accountIds, Set<String> domains) {
        if (account.isMissingNode() || account.isNull()) {
            return;
        }
        accountIds.add(Long.parseLong(account.path("id").asString()));
        String acct = account.path("acct").asString("");
        int at = acct.indexOf('@');
        if (at >= 0) {
            domains.add(acct.substring(at + 1).toLowerCase());
        }
    }
}
