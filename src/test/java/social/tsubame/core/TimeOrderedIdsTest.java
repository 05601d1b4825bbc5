package social.tsubame.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreUniqueAndIncreasingUnderConcurrentGeneration() throws Exception {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.systemUTC(), 3);
        int threads = 8;
        int perThread = 50_000;
        List<Callable<long[]>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                long[] mine = new long[perThread];
                for (int i = 0; i < perThread; i++) {
                    mine[i] = ids.next();
                }
                return mine;
            });
        }
        Set<Long> all = new HashSet<>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (Future<long[]> result : pool.invokeAll(tasks)) {
                long[] mine = result.get();
                for (int i = 0; i < mine.length; i++) {
                    if (i > 0) {
                        assertThat(mine[i]).as("ids seen by one thread grow").isGreaterThan(mine[i - 1]);
                    }
                    all.add(mine[i]);
                }
            }
        }
        assertThat(all).hasSize(threads * perThread);
    }

    @Test
    void idsKeepGrowingWhenTheClockStepsBack() {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        Clock steppingClock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        TimeOrderedIds ids = new TimeOrderedIds(steppingClock, 0);
        long before = ids.next();
        now.addAndGet(-5_000);
        long after = ids.next();
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void moreThanACounterFullInOneMillisecondSpillsIntoTheNext() {
        Clock frozen = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
        TimeOrderedIds ids = new TimeOrderedIds(frozen, 1);
        long previous = 0;
        for (int i = 0; i < 5_000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
        assertThat(TimeOrderedIds.timeOf(previous)).isAfter(Instant.ofEpochMilli(1_700_000_000_000L));
    }

    @Test
    void twoNodesNeverMakeTheSameIdInTheSameMillisecond() {
        Clock frozen = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
        TimeOrderedIds first = new TimeOrderedIds(frozen, 0);
        TimeOrderedIds second = new TimeOrderedIds(frozen, 1);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(seen.add(first.next())).isTrue();
            assertThat(seen.add(second.next())).isTrue();
        }
    }

    @Test
    void anIdCarriesItsCreationTime() {
        Instant at = Instant.parse("2026-11-25T12:00:00.123Z");
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(at, ZoneOffset.UTC), 5);
        long id = ids.next();
        assertThat(TimeOrderedIds.timeOf(id)).isEqualTo(at);
        assertThat(id).isGreaterThanOrEqualTo(TimeOrderedIds.lowestAt(at));
        assertThat(id).isLessThan(TimeOrderedIds.lowestAt(at.plusMillis(1)));
    }
}
