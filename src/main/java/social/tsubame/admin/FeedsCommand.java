package social.tsubame.admin;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import social.tsubame.timeline.RebuildHomeFeeds;

@Command(name = "feeds", mixinStandardHelpOptions = true, description = "Home feeds in Redis",
        subcommands = FeedsCommand.Rebuild.class)
final class FeedsCommand {

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Fill home feeds again from PostgreSQL: of one account, or of every local account used "
                    + "within TSUBAME_FEEDS_INACTIVE_AFTER (the others are rebuilt when they come back)")
    static final class Rebuild implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--account", description = "the local account's username; every active account without it")
        String username;

        @Autowired
        RebuildHomeFeeds rebuildHomeFeeds;

        @Override
        public Integer call() {
            if (username != null) {
                if (!rebuildHomeFeeds.rebuild(username)) {
                    spec.commandLine().getErr().println("No local account named " + username);
                    return 1;
                }
                spec.commandLine().getOut().println("Rebuilt the home feed of " + username);
                return 0;
            }
            ProgressLine progress = new ProgressLine(spec.commandLine().getOut(), "home feeds");
            rebuildHomeFeeds.rebuildActive(progress);
            progress.finish();
            return 0;
        }
    }
}
