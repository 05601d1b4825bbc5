package social.tsubame.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.api.model.ApiDates;
import social.tsubame.federation.relay.Relay;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A relay as the admin API shows it; {@code actor} is null until the relay answered. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminRelay(String id, String inboxUrl, String state, String actor, String createdAt, String updatedAt) {

    static AdminRelay of(Relay relay) {
        return new AdminRelay(String.valueOf(relay.id()), relay.inboxUrl(), relay.state().value(), relay.actorUri(),
                ApiDates.format(relay.createdAt()), ApiDates.format(relay.updatedAt()));
    }
}
