package social.tsubame.admin;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import social.tsubame.instance.ServerRules;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "The server's rules, shown on /about and to apps: list, add and remove them",
        subcommands = {RulesCommand.ListAll.class, RulesCommand.Add.class, RulesCommand.Remove.class})
final class RulesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules in their order")
    static final class ListAll implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Autowired
        ServerRules rules;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.printf("%-20s %s%n", "ID", "RULE");
            for (ServerRules.Rule rule : rules.all()) {
                out.printf("%-20s %s%n", rule.id(), rule.text());
                if (!rule.hint().isEmpty()) {
                    out.printf("%-20s   %s%n", "", rule.hint());
                }
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a rule after the others")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the rule, in a sentence")
        String text;

        @Option(names = "--hint", description = "a longer explanation")
        String hint;

        @Autowired
        ServerRules rules;

        @Override
        public Integer call() {
            try {
                ServerRules.Rule rule = rules.add(text, hint);
                spec.commandLine().getOut().println("Added rule " + rule.id());
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("Cannot add rule: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a rule by its id")
    static final class Remove implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the rule's id, from rules list")
        long id;

        @Autowired
        ServerRules rules;

        @Override
        public Integer call() {
            if (!rules.remove(id)) {
                spec.commandLine().getErr().println("No rule with id " + id);
                return 1;
            }
            spec.commandLine().getOut().println("Removed rule " + id);
            return 0;
        }
    }
}
