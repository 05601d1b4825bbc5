package social.tsubame.admin;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import social.tsubame.queue.DeadLetter;
import social.tsubame.queue.JobStreams;
import social.tsubame.queue.QueueName;
import social.tsubame.queue.QueueSnapshot;

@Command(name = "queues", mixinStandardHelpOptions = true, description = "See queues and replay dead letters",
        subcommands = {QueuesCommand.ListAll.class, QueuesCommand.Dead.class, QueuesCommand.Replay.class})
final class QueuesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Depth, pending, scheduled retries, dead letters and latency of every queue")
    static final class ListAll implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Autowired
        JobStreams streams;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.printf("%-12s %8s %8s %10s %6s %10s%n", "QUEUE", "DEPTH", "PENDING", "SCHEDULED", "DEAD",
                    "LATENCY");
            for (QueueName queue : QueueName.values()) {
                QueueSnapshot s = streams.snapshot(queue);
                out.printf("%-12s %8d %8d %10d %6d %9.1fs%n", queue, s.depth(), s.pending(), s.scheduled(),
                        s.dead(), s.oldestAge().toMillis() / 1000.0);
            }
            return 0;
        }
    }

    @Command(name = "dead", mixinStandardHelpOptions = true, description = "List the dead letters of a queue")
    static final class Dead implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "queue: ingress, ingress:low, default, push or pull")
        String queue;

        @Option(names = "--limit", defaultValue = "50", description = "how many to show (default: ${DEFAULT-VALUE})")
        int limit;

        @Autowired
        JobStreams streams;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            for (DeadLetter letter : streams.deadLetters(QueueName.of(queue), limit)) {
                out.printf("%s  %s  tries=%d  died=%s  %s%n    payload: %s%n", letter.id(), letter.job().type(),
                        letter.job().attempt(), letter.diedAt(), letter.job().lastError(), letter.job().payload());
            }
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Put dead letters back on their queue as fresh jobs")
    static final class Replay implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "queue: ingress, ingress:low, default, push or pull")
        String queue;

        @Parameters(index = "1..*", arity = "0..*", description = "dead-letter ids, as listed by 'queues dead'")
        List<String> ids = List.of();

        @Option(names = "--all", description = "replay every dead letter of the queue")
        boolean all;

        @Autowired
        JobStreams streams;

        @Override
        public Integer call() {
            QueueName name = QueueName.of(queue);
            List<String> chosen = all
                    ? streams.deadLetters(name, Integer.MAX_VALUE).stream().map(DeadLetter::id).toList()
                    : ids;
            int replayed = 0;
            for (String id : chosen) {
                if (streams.replay(name, id)) {
                    replayed++;
                } else {
                    spec.commandLine().getErr().println("No dead letter " + id + " in " + name);
                }
            }
            spec.commandLine().getOut().println("Replayed " + replayed + " of " + chosen.size());
            return replayed == chosen.size() ? 0 : 1;
        }
    }
}
