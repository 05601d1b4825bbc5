package social.tsubame.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import social.tsubame.testing.TsubameTest;

@TsubameTest
class DeduplicatorTest {

    @Autowired
    Deduplicator deduplicator;

    @Test
    void aKeyIsNewOnceUntilItExpires() {
        assertThat(deduplicator.firstTime("activity:https://remote.example/1", Duration.ofMillis(300))).isTrue();
        assertThat(deduplicator.firstTime("activity:https://remote.example/1", Duration.ofMillis(300))).isFalse();
        assertThat(deduplicator.firstTime("activity:https://remote.example/2", Duration.ofMillis(300))).isTrue();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> deduplicator.firstTime("activity:https://remote.example/1", Duration.ofMinutes(1)));
    }

    @Test
    void rememberedKeysAreSeenUntilTheyExpire() {
        assertThat(deduplicator.seen("job:42")).isFalse();
        deduplicator.remember("job:42", Duration.ofMillis(300));
        assertThat(deduplicator.seen("job:42")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !deduplicator.seen("job:42"));
    }
}
