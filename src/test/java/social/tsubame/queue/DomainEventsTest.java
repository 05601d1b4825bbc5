package social.tsubame.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.testing.TsubameTest;

/** A listener gets a job only for the events it wants, and never acts on one it does not, however it was queued. */
@TsubameTest
@Import(DomainEventsTest.Listeners.class)
class DomainEventsTest {

    record Numbered(int n) {
    }

    static final Set<Integer> handled = ConcurrentHashMap.newKeySet();

    @TestConfiguration
    static class Listeners {
        @Bean
        EventListener<Numbered> evenOnly() {
            return new EventListener<>() {
                @Override
                public String name() {
                    return "even-only";
                }

                @Override
                public Class<Numbered> eventType() {
                    return Numbered.class;
                }

                @Override
                public boolean wants(Numbered event) {
                    return event.n() % 2 == 0;
                }

                @Override
                public void on(Numbered event) {
                    handled.add(event.n());
                }
            };
        }
    }

    @Autowired
    DomainEvents events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeOrderedIds ids;

    @Autowired
    JobStreams streams;

    @Test
    void anEventTheListenerDeclinesQueuesNoJob() {
        transactions.executeWithoutResult(status -> {
            events.publish(new Numbered(1));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE job_type = ?", Long.class,
                    "event.Numbered.even-only")).as("no row for an unwanted event").isZero();
            events.publish(new Numbered(2));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains(2));
        assertThat(handled).doesNotContain(1);
    }

    @Test
    void aDeclinedEventQueuedAnywayIsNotActedOn() {
        // As queued by a version whose listener still wanted such events.
        jdbc.update("INSERT INTO outbox (id, queue, job_type, payload) VALUES (?, 'default', ?, ?)", ids.next(),
                "event.Numbered.even-only", "{\"n\":3}");
        jdbc.update("INSERT INTO outbox (id, queue, job_type, payload) VALUES (?, 'default', ?, ?)", ids.next(),
                "event.Numbered.even-only", "{\"n\":4}");
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains(4));
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.snapshot(QueueName.DEFAULT).depth() == 0);
        assertThat(handled).doesNotContain(3);
    }
}
