package social.tsubame.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each benchmark at a small scale, so that none of them rots: it must run to the end and produce figures. How fast
 * is for the full runs in {@code bench/RESULTS.md}, never for a test.
 */
class BenchmarksSmokeTest {

    @Test
    void anInboundBurstIsAcceptedProcessedAndReachesHomeFeeds() throws Exception {
        InboundBurstBenchmark.Result result = InboundBurstBenchmark.run(
                new InboundBurstBenchmark.Shape(60, 20, 120, 10, 20, 200, 4, 2, 10, false));

        assertThat(result.accepted()).isEqualTo(200);
        assertThat(result.refused()).isZero();
        assertThat(result.endToEnd().count()).as("sampled posts seen in a follower's feed").isPositive();
        assertThat(result.drainSeconds()).isGreaterThanOrEqualTo(result.burstSeconds());
        assertThat(result.processes().values()).allSatisfy(usage -> assertThat(usage.peakRssMiB()).isPositive());
        assertThat(result.floodApi().count()).as("home timeline calls during the burst").isPositive();
        assertThat(result.apiFailures()).isZero();
    }

    @Test
    void localFanOutReachesEveryFeedAndTheStream() throws Exception {
        LocalFanOutBenchmark.Result result = LocalFanOutBenchmark.run(50, 2);

        assertThat(result.allFeeds().count()).isEqualTo(2);
        assertThat(result.streamed().count()).isEqualTo(2);
        assertThat(result.allFeeds().percentileMillis(50)).isPositive();
    }

    @Test
    void deliveryMakesOneDeliveryPerServerAndKeepsTheHealthyOnesGoing() throws Exception {
        DeliveryBenchmark.Result result = DeliveryBenchmark.run(200, 40);

        assertThat(result.firstPost().deliveries()).as("one per shared inbox").isEqualTo(40);
        assertThat(result.allHealthy().deliveries()).isEqualTo(40);
        assertThat(result.healthyAmongBroken().servers()).isEqualTo(40 - result.blackHoled() - result.failing());
        assertThat(result.healthyAmongBroken().deliveries()).isEqualTo(result.healthyAmongBroken().servers());
        assertThat(result.allHealthy().perSecond()).isPositive();
    }

    @Test
    void readsMeasureBothTimelinesAtEachRate() throws Exception {
        ReadsBenchmark.Result result = ReadsBenchmark.run(1, 20, 40, 20);

        assertThat(result.steps()).extracting(ReadsBenchmark.Step::timeline).contains("home", "public");
        assertThat(result.steps()).allSatisfy(step -> {
            assertThat(step.latencies().count()).isEqualTo(step.rate());
            assertThat(step.errors()).isZero();
        });
    }

    @Test
    void everySocketGetsEveryPostOnBothStreams() throws Exception {
        StreamingBenchmark.Result result = StreamingBenchmark.run(new StreamingBenchmark.Shape(6, 3, 2, 200, false));

        assertThat(result.complete()).as("sockets that got every post on user and public").isEqualTo(6);
        assertThat(result.user().count()).isEqualTo(6 * 2);
        assertThat(result.publicStream().count()).isEqualTo(6 * 2);
        assertThat(result.coldUser().count()).isEqualTo(6);
        assertThat(result.peakRss()).isPositive();
    }
}
