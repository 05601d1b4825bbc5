package social.tsubame.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import social.tsubame.account.RecountAccountCounters;
import social.tsubame.core.Recounted;
import social.tsubame.status.RecountStatusCounters;

@Command(name = "statistics", mixinStandardHelpOptions = true, description = "Counters kept on accounts and statuses",
        subcommands = StatisticsCommand.Recount.class)
final class StatisticsCommand {

    @Command(name = "recount", mixinStandardHelpOptions = true,
            description = "Set followers, following and statuses counts of accounts, and replies, boosts and "
                    + "favourites counts of statuses, to what the rows say; in batches, while the server runs")
    static final class Recount implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Autowired
        RecountAccountCounters accounts;

        @Autowired
        RecountStatusCounters statuses;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ProgressLine accountProgress = new ProgressLine(out, "accounts");
            Recounted accountsRecounted = accounts.recount(accountProgress);
            accountProgress.finish();
            ProgressLine statusProgress = new ProgressLine(out, "statuses");
            Recounted statusesRecounted = statuses.recount(statusProgress);
            statusProgress.finish();
            out.printf("Corrected %,d of %,d accounts and %,d of %,d statuses%n", accountsRecounted.corrected(),
                    accountsRecounted.rows(), statusesRecounted.corrected(), statusesRecounted.rows());
            return 0;
        }
    }
}
