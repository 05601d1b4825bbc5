package social.tsubame.admin.api;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.federation.DomainTraffic;
import social.tsubame.federation.DomainTrafficControls;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/**
 * Steering one remote server's traffic: its inbound activities to the low-priority queue and back, a limit on how
 * many it may send per minute, and declaring it reachable again.
 */
@RestController
@Profile(Roles.WEB)
@RequestMapping("/api/v1/admin/domain_traffic")
class DomainTrafficAdminController {

    /**
     * @param inboundThrottled whether its activities go to {@code ingress:low}; unchanged when absent
     * @param inboundRateLimit activities per minute; 0 lifts the limit; unchanged when absent
     */
    record TrafficParams(Boolean inboundThrottled, Integer inboundRateLimit) {
    }

    private final DomainTrafficControls controls;
    private final ServerAdmins admins;

    DomainTrafficAdminController(DomainTrafficControls controls, ServerAdmins admins) {
        this.controls = controls;
        this.admins = admins;
    }

    /** The servers with settings of their own or given up as unreachable. */
    @GetMapping
    @RequiresScope("admin:read")
    List<AdminDomainTraffic> list(Caller caller) {
        admins.require(caller);
        return controls.steeredOrUnavailable().stream().map(AdminDomainTraffic::of).toList();
    }

    @GetMapping("/{domain}")
    @RequiresScope("admin:read")
    AdminDomainTraffic show(@PathVariable String domain, Caller caller) {
        admins.require(caller);
        return AdminDomainTraffic.of(valid(() -> controls.traffic(domain)));
    }

    @PutMapping("/{domain}")
    @RequiresScope("admin:write")
    AdminDomainTraffic update(@PathVariable String domain, @ApiParams TrafficParams params, Caller caller) {
        admins.require(caller);
        if (params.inboundRateLimit() != null && params.inboundRateLimit() < 0) {
            throw ApiException.unprocessable("Validation failed: inbound_rate_limit must be 0 or more");
        }
        DomainTraffic traffic = valid(() -> controls.traffic(domain));
        if (params.inboundThrottled() != null) {
            traffic = controls.throttleInbound(domain, params.inboundThrottled());
        }
        if (params.inboundRateLimit() != null) {
            traffic = controls.limitInboundRate(domain,
                    params.inboundRateLimit() == 0 ? null : params.inboundRateLimit());
        }
        return AdminDomainTraffic.of(traffic);
    }

    @PostMapping("/{domain}/available")
    @RequiresScope("admin:write")
    AdminDomainTraffic markAvailable(@PathVariable String domain, Caller caller) {
        admins.require(caller);
        return AdminDomainTraffic.of(valid(() -> controls.markAvailable(domain)));
    }

    private static DomainTraffic valid(Supplier<DomainTraffic> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("Validation failed: " + e.getMessage());
        }
    }
}
