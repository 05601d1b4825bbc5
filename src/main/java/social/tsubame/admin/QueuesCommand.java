package social.tsubame.admin;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import social.tsubame.queue.DeadLetter;
import social.tsubame.queue.JobStreams;
import social.tsubame.queue.QueueControls;
import social.tsubame.queue.QueueName;
import social.tsubame.queue.QueueSnapshot;

@Command(name = "queues", mixinStandardHelpOptions = true,
        description = {"See queues, pause and resume them, inspect and replay dead letters.",
                "Dead letters (jobs that failed their last try): 'queues dead <queue>' lists them, "
                        + "'queues show <queue> <id>' shows one, 'queues replay <queue> <id>...|--all' queues them "
                        + "again."},
        subcommands = {QueuesCommand.ListAll.class, QueuesCommand.Pause.class, QueuesCommand.Resume.class,
                QueuesCommand.Dead.class, QueuesCommand.Show.class, QueuesCommand.Replay.class})
final class QueuesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Depth, pending, scheduled retries, dead letters, latency, completions per second and state "
                    + "of every queue")
    static final class ListAll implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Autowired
        JobStreams streams;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.printf("%-12s %8s %8s %10s %6s %10s %8s  %s%n", "QUEUE", "DEPTH", "PENDING", "SCHEDULED", "DEAD",
                    "LATENCY", "RATE/S", "STATE");
            for (QueueName queue : QueueName.values()) {
                QueueSnapshot s = streams.snapshot(queue);
                out.printf("%-12s %8d %8d %10d %6d %9.1fs %8.1f  %s%n", queue, s.depth(), s.pending(),
                        s.scheduled(), s.dead(), s.oldestAge().toMillis() / 1000.0, s.completedPerSecond(),
                        state(s));
            }
            return 0;
        }

        private static String state(QueueSnapshot snapshot) {
            if (snapshot.paused()) {
                return "paused";
            }
            return snapshot.slowed() ? "slowed by back-pressure" : "running";
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Stop every consumer of a queue from taking new jobs; the jobs wait in the queue")
    static final class Pause implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "queue: ingress, ingress:low, default, push or pull")
        String queue;

        @Autowired
        QueueControls controls;

        @Override
        public Integer call() {
            QueueName name = QueueName.of(queue);
            spec.commandLine().getOut().println(controls.pause(name) ? "Paused " + name
                    : name + " was paused already");
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Let a paused queue's consumers work again")
    static final class Resume implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "queue: ingress, ingress:low, default, push or pull")
        String queue;

        @Autowired
        QueueControls controls;

        @Override
        public Integer call() {
            QueueName name = QueueName.of(queue);
            spec.commandLine().getOut().println(controls.resume(name) ? "Resumed " + name
                    : name + " was not paused");
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

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one dead letter whole: type, tries, times, last error and payload")
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "queue: ingress, ingress:low, default, push or pull")
        String queue;

        @Parameters(index = "1", description = "dead-letter id, as listed by 'queues dead'")
        String id;

        @Autowired
        JobStreams streams;

        @Override
        public Integer call() {
            QueueName name = QueueName.of(queue);
            Optional<DeadLetter> found = streams.deadLetter(name, id);
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("No dead letter " + id + " in " + name);
                return 1;
            }
            DeadLetter letter = found.get();
            var out = spec.commandLine().getOut();
            out.println("id:         " + letter.id());
            out.println("type:       " + letter.job().type());
            out.println("tries:      " + letter.job().attempt());
            out.println("enqueued:   " + letter.job().enqueuedAt());
            out.println("died:       " + letter.diedAt());
            out.println("last error: " + letter.job().lastError());
            out.println("payload:    " + letter.job().payload());
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
