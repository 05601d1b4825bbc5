package social.tsubame.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.core.ApiException;
import social.tsubame.testing.TsubameTest;
import social.tsubame.timeline.Markers.Marker;

@TsubameTest
class MarkerConflictTest {

    @Autowired
    SaveMarkers saveMarkers;

    @Autowired
    Markers markers;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ofTwoClientsSavingAtOnceTheLaterIsToldOfTheConflict() throws Exception {
        long account = createLocalAccount.create(new CreateLocalAccount.Command("uma", "uma@example.com",
                "correct horse battery", Role.USER)).account().id();
        saveMarkers.save(account, Map.of("home", 1L));
        // a thread each: the common pool may have just one, which the first save holds
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch saved = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
                saveMarkers.save(account, Map.of("home", 2L));
                saved.countDown();
                try {
                    commit.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }), threads);
            assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<List<Marker>> second = CompletableFuture.supplyAsync(
                    () -> saveMarkers.save(account, Map.of("home", 3L)), threads);
            // the second save has read version 0 and now waits for the first one's row lock
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                    AND wait_event_type = 'Lock' AND query LIKE '%UPDATE markers%'""", Integer.class) > 0);
            commit.countDown();
            first.get(10, TimeUnit.SECONDS);

            assertThat(second).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(Exception.class)
                    .havingRootCause().isInstanceOf(ApiException.class)
                    .satisfies(cause -> assertThat(((ApiException) cause).status()).isEqualTo(HttpStatus.CONFLICT));
            Marker home = markers.find(account, List.of("home")).getFirst();
            assertThat(home.lastReadId()).isEqualTo(2L);
            assertThat(home.version()).isEqualTo(1);
        }
    }
}
