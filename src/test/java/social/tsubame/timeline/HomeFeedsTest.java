package social.tsubame.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import social.tsubame.core.TimeOrderedIds;
import social.tsubame.testing.TsubameTest;

@TsubameTest
class HomeFeedsTest {

    @Autowired
    HomeFeeds feeds;

    @Test
    void pagingWithMaxIdMissesNothingEvenWithinOneMillisecond() {
        TimeOrderedIds sameMillisecond = new TimeOrderedIds(Clock.fixed(Instant.now(), ZoneOffset.UTC), 7);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long id = sameMillisecond.next();
            ids.add(id);
            feeds.add(id, Set.of(42L));
        }
        List<Long> read = new ArrayList<>();
        Long maxId = null;
        for (List<Long> page = feeds.read(42L, null, null, 3); !page.isEmpty();
             page = feeds.read(42L, maxId, null, 3)) {
            read.addAll(page);
            maxId = page.getLast();
        }
        assertThat(read).containsExactlyElementsOf(ids.reversed());
        assertThat(feeds.read(42L, null, ids.get(4), 10)).containsExactly(ids.get(6), ids.get(5));
    }

    @Test
    void aFeedKeepsItsNewestStatusesOnly() {
        for (long id = 1; id <= Feeds.CAPACITY + 5; id++) {
            feeds.add(id, Set.of(43L));
        }
        List<Long> all = feeds.read(43L, null, null, Feeds.CAPACITY + 10);
        assertThat(all).hasSize(Feeds.CAPACITY);
        assertThat(all.getFirst()).isEqualTo(Feeds.CAPACITY + 5L);
        feeds.remove(Feeds.CAPACITY + 5L, Set.of(43L));
        assertThat(feeds.read(43L, null, null, 1)).containsExactly(Feeds.CAPACITY + 4L);
    }

    @Test
    void aStatusReachesEveryFeedOfAnAudienceLargerThanOneBatch() {
        Set<Long> audience = new LinkedHashSet<>();
        for (long account = 10_000; account < 11_234; account++) {
            audience.add(account);
        }
        feeds.add(77L, audience);
        assertThat(audience).allSatisfy(account -> assertThat(feeds.read(account, null, null, 5)).containsExactly(77L));
    }
}
