package social.tsubame.admin;

import picocli.CommandLine.Command;

@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Operate a Tsubame server from its own jar: java -jar tsubame.jar admin <command>",
        subcommands = {AccountsCommand.class, QueuesCommand.class, DomainsCommand.class, RulesCommand.class,
                ReportsCommand.class, DomainBlocksCommand.class, DomainAllowsCommand.class, RelaysCommand.class,
                BackupCommand.class, RestoreCommand.class,
                FeedsCommand.class, StatisticsCommand.class, MediaCommand.class, SearchCommand.class})
final class AdminCommand {
}
