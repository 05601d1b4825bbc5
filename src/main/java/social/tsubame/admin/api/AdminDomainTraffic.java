package social.tsubame.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import social.tsubame.api.model.ApiDates;
import social.tsubame.federation.DomainTraffic;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One remote server's traffic settings and reachability; {@code inbound_rate_limit} is null without a limit. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminDomainTraffic(String domain, boolean inboundThrottled, Integer inboundRateLimit, boolean available,
                          String unavailableSince, int failureCount, String lastSuccessAt, String lastFailureAt) {

    static AdminDomainTraffic of(DomainTraffic traffic) {
        return new AdminDomainTraffic(traffic.domain(), traffic.inboundThrottled(),
                traffic.inboundRatePerMinute() > 0 ? traffic.inboundRatePerMinute() : null,
                traffic.unavailableSince() == null, ApiDates.format(traffic.unavailableSince()),
                traffic.failureCount(), ApiDates.format(traffic.lastSuccessAt()),
                ApiDates.format(traffic.lastFailureAt()));
    }
}
