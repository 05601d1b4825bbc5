package social.tsubame.admin;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import social.tsubame.federation.relay.AddRelay;
import social.tsubame.federation.relay.Relay;
import social.tsubame.federation.relay.Relays;
import social.tsubame.federation.relay.RemoveRelay;

@Command(name = "relays", mixinStandardHelpOptions = true,
        description = "Relays the server follows: it sends them its public posts and takes in what they pass on",
        subcommands = {RelaysCommand.ListAll.class, RelaysCommand.Add.class, RelaysCommand.Remove.class})
final class RelaysCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The relays and their state")
    static final class ListAll implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Autowired
        Relays relays;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.printf("%-20s %-9s %s%n", "ID", "STATE", "INBOX");
            for (Relay relay : relays.all()) {
                out.printf("%-20s %-9s %s%n", relay.id(), relay.state().value(), relay.inboxUrl());
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Follow a relay by its inbox URL; it stays pending until the relay accepts")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the relay's inbox, e.g. https://relay.example/inbox")
        String inbox;

        @Autowired
        AddRelay addRelay;

        @Override
        public Integer call() {
            try {
                Relay relay = addRelay.add(null, inbox);
                spec.commandLine().getOut().println("Added relay " + relay.id() + " (" + relay.state().value() + ")");
                return 0;
            } catch (IllegalArgumentException | AddRelay.AlreadyAdded e) {
                spec.commandLine().getErr().println("Cannot add relay: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Unfollow a relay by its id")
    static final class Remove implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the relay's id, from relays list")
        long id;

        @Autowired
        RemoveRelay removeRelay;

        @Override
        public Integer call() {
            if (!removeRelay.remove(null, id)) {
                spec.commandLine().getErr().println("No relay with id " + id);
                return 1;
            }
            spec.commandLine().getOut().println("Removed relay " + id);
            return 0;
        }
    }
}
