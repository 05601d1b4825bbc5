package social.tsubame.admin;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import social.tsubame.status.RebuildSearchIndexes;

@Command(name = "search", mixinStandardHelpOptions = true, description = "Search indexes in PostgreSQL",
        subcommands = SearchCommand.Reindex.class)
final class SearchCommand {

    @Command(name = "reindex", mixinStandardHelpOptions = true,
            description = "Rebuild the search indexes (words of statuses, names of accounts and tags) from the rows, "
                    + "concurrently: search and posting go on meanwhile")
    static final class Reindex implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Autowired
        RebuildSearchIndexes rebuildSearchIndexes;

        @Override
        public Integer call() {
            ProgressLine progress = new ProgressLine(spec.commandLine().getOut(), "search indexes");
            rebuildSearchIndexes.rebuild(progress);
            progress.finish();
            return 0;
        }
    }
}
