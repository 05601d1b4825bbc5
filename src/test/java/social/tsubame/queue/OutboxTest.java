package social.tsubame.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import social.tsubame.boot.EmbeddedRedisServer;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.testing.TsubameTest;

/** Runs against a Redis of its own, which it stops and starts again. */
@TsubameTest
@Import(OutboxTest.Handler.class)
class OutboxTest {

    record Note(String text) {
    }

    static final JobType<Note> NOTED = JobType.of("test.noted", QueueName.DEFAULT, Note.class);
    static final Set<String> handled = ConcurrentHashMap.newKeySet();

    static final Path redisDirectory;
    static final int redisPort;
    static EmbeddedRedisServer redis;

    static {
        try {
            redisDirectory = Files.createTempDirectory("tsubame-outbox-redis").resolve("redis");
            try (ServerSocket socket = new ServerSocket(0)) {
                redisPort = socket.getLocalPort();
            }
            redis = EmbeddedRedisServer.start(redisDirectory, redisPort);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + redisPort);
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.close();
    }

    @TestConfiguration
    static class Handler {
        @Bean
        JobHandler<Note> noted() {
            return new JobHandler<>() {
                @Override
                public JobType<Note> type() {
                    return NOTED;
                }

                @Override
                public void handle(Note payload, Job job) {
                    handled.add(payload.text());
                }
            };
        }
    }

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeOrderedIds ids;

    private long outboxRows() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox", Long.class);
    }

    @Test
    void aCommittedJobIsQueuedAndRun() {
        transactions.executeWithoutResult(status -> outbox.add(NOTED, new Note("committed")));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("committed"));
        assertThat(outboxRows()).isZero();
    }

    @Test
    void aRolledBackTransactionQueuesNothing() throws InterruptedException {
        transactions.executeWithoutResult(status -> {
            outbox.add(NOTED, new Note("rolled back"));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> outbox.add(NOTED, new Note("after the rollback")));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("after the rollback"));
        Thread.sleep(300);
        assertThat(handled).doesNotContain("rolled back");
    }

    @Test
    void aRowLeftByAProcessThatDiedBeforeRelayingIsQueued() {
        // What a process leaves when it stops between its commit and the relay.
        jdbc.update("INSERT INTO outbox (id, queue, job_type, payload) VALUES (?, 'default', ?, ?)",
                ids.next(), NOTED.name(), "{\"text\":\"orphaned row\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("orphaned row"));
        assertThat(outboxRows()).isZero();
    }

    @Test
    void aJobCommittedWhileRedisIsDownIsQueuedWhenRedisReturns() throws Exception {
        redis.close();
        try {
            transactions.executeWithoutResult(status -> outbox.add(NOTED, new Note("during the outage")));
            Thread.sleep(1500);
            assertThat(outboxRows()).as("the row waits in PostgreSQL").isEqualTo(1);
            assertThat(handled).doesNotContain("during the outage");
        } finally {
            redis = EmbeddedRedisServer.start(redisDirectory, redisPort);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains("during the outage"));
        await().atMost(Duration.ofSeconds(5)).until(() -> outboxRows() == 0);
    }
}
