package social.tsubame.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import social.tsubame.federation.DomainTraffic;
import social.tsubame.federation.DomainTrafficControls;

@Command(name = "domains", mixinStandardHelpOptions = true,
        description = "Steer remote servers' traffic: throttle, rate-limit, mark available. Running servers act on "
                + "a change within 30 seconds.",
        subcommands = {DomainsCommand.ListAll.class, DomainsCommand.Show.class, DomainsCommand.Throttle.class,
                DomainsCommand.Unthrottle.class, DomainsCommand.RateLimit.class, DomainsCommand.Available.class})
final class DomainsCommand {

    private static final String DOMAIN = "the remote server's domain, e.g. mastodon.example";

    static void print(PrintWriter out, DomainTraffic traffic) {
        out.printf("%-32s %-10s %-12s %-26s %s%n", traffic.domain(),
                traffic.inboundThrottled() ? "ingress:low" : "ingress",
                traffic.inboundRatePerMinute() > 0 ? traffic.inboundRatePerMinute() + "/min" : "-",
                traffic.unavailableSince() == null ? "available" : "unavailable since " + traffic.unavailableSince(),
                traffic.failureCount() > 0 ? traffic.failureCount() + " failed deliveries" : "");
    }

    static void header(PrintWriter out) {
        out.printf("%-32s %-10s %-12s %-26s %s%n", "DOMAIN", "INBOUND", "RATE LIMIT", "DELIVERIES", "");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Servers that are throttled, rate-limited or unavailable")
    static final class ListAll implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Autowired
        DomainTrafficControls controls;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            header(out);
            controls.steeredOrUnavailable().forEach(traffic -> print(out, traffic));
            return 0;
        }
    }

    /** A command about one server that changes or shows its traffic settings and prints them. */
    abstract static class OneDomain implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = DOMAIN)
        String domain;

        @Autowired
        DomainTrafficControls controls;

        abstract DomainTraffic apply(DomainTrafficControls controls, String domain);

        @Override
        public Integer call() {
            print(spec.commandLine().getOut(), apply(controls, domain));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One server's traffic settings")
    static final class Show extends OneDomain {

        @Override
        DomainTraffic apply(DomainTrafficControls controls, String domain) {
            header(spec.commandLine().getOut());
            return controls.traffic(domain);
        }
    }

    @Command(name = "throttle", mixinStandardHelpOptions = true,
            description = "Queue the server's inbound activities on ingress:low, apart from everyone else's")
    static final class Throttle extends OneDomain {

        @Override
        DomainTraffic apply(DomainTrafficControls controls, String domain) {
            return controls.throttleInbound(domain, true);
        }
    }

    @Command(name = "unthrottle", mixinStandardHelpOptions = true,
            description = "Queue the server's inbound activities on ingress again")
    static final class Unthrottle extends OneDomain {

        @Override
        DomainTraffic apply(DomainTrafficControls controls, String domain) {
            return controls.throttleInbound(domain, false);
        }
    }

    @Command(name = "rate-limit", mixinStandardHelpOptions = true,
            description = "Accept at most N activities a minute from the server (more are answered 429 and retried "
                    + "by the sender later); 'none' lifts the limit")
    static final class RateLimit extends OneDomain {

        @Parameters(index = "1", description = "activities per minute, or none")
        String perMinute;

        @Override
        DomainTraffic apply(DomainTrafficControls controls, String domain) {
            Integer limit;
            try {
                limit = perMinute.equalsIgnoreCase("none") ? null : Integer.valueOf(perMinute);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a number of activities per minute: " + perMinute);
            }
            return controls.limitInboundRate(domain, limit);
        }
    }

    @Command(name = "available", mixinStandardHelpOptions = true,
            description = "Declare an unavailable server reachable: deliveries to it resume at once")
    static final class Available extends OneDomain {

        @Override
        DomainTraffic apply(DomainTrafficControls controls, String domain) {
            return controls.markAvailable(domain);
        }
    }
}
