package social.tsubame.federation.inbound;

import social.tsubame.account.Account;
import tools.jackson.databind.JsonNode;

/**
 * An activity whose sender has been checked: {@code actor} is the account that signed it.
 *
 * @param json  the activity as received
 * @param actor the remote account that sent it
 */
public record IncomingActivity(JsonNode json, Account actor) {
}
