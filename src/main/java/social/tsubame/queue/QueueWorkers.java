package social.tsubame.queue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;

/** The consumers of the worker role: one {@link QueueWorker} per queue named in {@code tsubame.worker.queues}. */
@Component
// An admin command run inside a worker's container inherits its profile but must not consume.
@Profile(Roles.WORKER + " & !" + Roles.ADMIN_CLI)
class QueueWorkers implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(QueueWorkers.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final QueueProperties properties;
    private final JobStreams streams;
    private final JobRunner runner;
    private final RedisConnections connections;
    private final ConsumptionGate gate;
    private final List<QueueWorker> workers = new ArrayList<>();
    private volatile boolean running;

    QueueWorkers(QueueProperties properties, JobStreams streams, JobRunner runner, RedisConnections connections,
                 ConsumptionGate gate) {
        this.properties = properties;
        this.streams = streams;
        this.runner = runner;
        this.connections = connections;
        this.gate = gate;
    }

    @Override
    public void start() {
        // Unique per process, so a restarted process never mistakes its predecessor's claims for its own.
        String consumer = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString()
                .substring(0, 8);
        for (QueueName queue : properties.consumedQueues()) {
            int concurrency = properties.tuning(queue).concurrency();
            QueueWorker worker = new QueueWorker(queue, consumer, concurrency, properties.visibilityTimeout(),
                    properties.upkeepInterval(), gate, streams, runner, connections);
            worker.start();
            workers.add(worker);
        }
        log.info("Consuming queues " + properties.consumedQueues() + " as " + consumer);
        running = true;
    }

    @Override
    public void stop() {
        workers.forEach(QueueWorker::requestStop);
        for (QueueWorker worker : workers) {
            try {
                worker.stop(STOP_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Consumers start after everything else is up and stop before the web server and pools go. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
