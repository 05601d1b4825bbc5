package social.tsubame.federation.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class FetchSlotsTest {

    private final FetchSlots slots = new FetchSlots(1);

    @Test
    void aServerWithAllItsSlotsBusyIsRefusedWhileOthersAreServed() throws Exception {
        String result = slots.run("slow.example", () -> {
            assertThatThrownBy(() -> slots.run("slow.example", () -> "second"))
                    .isInstanceOf(FetchSlots.ServerBusyException.class);
            return slots.run("other.example", () -> "other");
        });
        assertThat(result).isEqualTo("other");
        assertThat(slots.run("slow.example", () -> "again")).as("the slot is free once the fetch ended")
                .isEqualTo("again");
    }

    @Test
    void aFailingFetchGivesItsSlotBack() throws Exception {
        assertThatThrownBy(() -> slots.run("flaky.example", () -> {
            throw new IOException("reset");
        })).hasMessage("reset");
        assertThat(slots.run("flaky.example", () -> "ok")).isEqualTo("ok");
    }
}
