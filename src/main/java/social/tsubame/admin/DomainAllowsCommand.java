package social.tsubame.admin;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import social.tsubame.federation.AllowDomain;
import social.tsubame.federation.DomainAllow;
import social.tsubame.federation.DomainBlocks;

@Command(name = "domain-allows", mixinStandardHelpOptions = true,
        description = "The servers federated with in limited federation mode (LIMITED_FEDERATION_MODE=true): list, "
                + "add and remove them",
        subcommands = {DomainAllowsCommand.ListAll.class, DomainAllowsCommand.Add.class,
                DomainAllowsCommand.Remove.class})
final class DomainAllowsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The allowed servers")
    static final class ListAll implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Autowired
        DomainBlocks blocks;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.printf("%-32s %s%n", "DOMAIN", "ALLOWED SINCE");
            for (DomainAllow allow : blocks.allowed()) {
                out.printf("%-32s %s%n", allow.domain(), allow.createdAt());
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Allow a server")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the remote server's domain, e.g. friends.example")
        String domain;

        @Autowired
        AllowDomain allowDomain;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().println("Allowed " + allowDomain.allow(null, domain).domain());
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("Cannot allow " + domain + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Take a server off the allow-list")
    static final class Remove implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the allowed domain")
        String domain;

        @Autowired
        DomainBlocks blocks;

        @Autowired
        AllowDomain allowDomain;

        @Override
        public Integer call() {
            try {
                var allowed = blocks.findAllowed(domain);
                if (allowed.isEmpty() || !allowDomain.disallow(null, allowed.get().id())) {
                    spec.commandLine().getErr().println(domain + " is not on the allow-list");
                    return 1;
                }
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("Disallowed " + domain);
            return 0;
        }
    }
}
