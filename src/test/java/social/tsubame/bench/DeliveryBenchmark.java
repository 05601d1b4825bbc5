package social.tsubame.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import social.tsubame.testing.ApiClient;

/**
 * Benchmark 2, delivery out: a local account whose followers live on many remote servers posts; how many deliveries
 * are made (one per shared inbox), how fast, and how long until the last server has it. Then again with some servers
 * black-holed and some answering 500: the same figures for the healthy ones, against the first run.
 */
final class DeliveryBenchmark {

    record Run(int servers, int deliveries, double seconds) {

        double perSecond() {
            return deliveries / seconds;
        }
    }

    /** The first post meets every server for the first time (nothing known or cached yet): reported apart. */
    record Result(int followers, Run firstPost, Run allHealthy, Run healthyAmongBroken, int blackHoled,
                  int failing) {

        double costPercent() {
            return (healthyAmongBroken.seconds() / allHealthy.seconds() - 1) * 100;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int followers = options.integer("followers", 50_000);
        int domains = options.integer("domains", 2_000);
        Result result = run(followers, domains);
        System.out.println("Delivery out: " + result.followers() + " followers on " + domains + " servers");
        print("  first post (cold):  ", result.firstPost());
        print("  all healthy:        ", result.allHealthy());
        print("  healthy, with " + result.blackHoled() + " black-holed and " + result.failing() + " failing: ",
                result.healthyAmongBroken());
        System.out.printf("  cost of the broken servers to the healthy ones: %+.0f%% time%n", result.costPercent());
        System.out.println("rerun: bench/run.sh delivery --followers " + followers + " --domains " + domains);
    }

    private static void print(String label, Run run) {
        System.out.printf("%s%d deliveries to %d servers in %.2f s, %.0f deliveries/s%n", label, run.deliveries(),
                run.servers(), run.seconds(), run.perSecond());
    }

    static Result run(int followerCount, int domainCount) throws Exception {
        BenchStores.Database stores = BenchStores.fresh();
        try (SimulatedInboxes inboxes = new SimulatedInboxes(domainCount);
             BenchServer server = BenchServer.start("delivery", stores, Map.of("tsubame.registrations.mode", "open"));
             Connection db = stores.connect()) {
            ApiClient api = new ApiClient(server.baseUrl());
            String poster = BenchPeople.signUp(api, "poster");
            List<BenchPeople.Remote> followers = new ArrayList<>(followerCount);
            for (int i = 0; i < followerCount; i++) {
                followers.add(new BenchPeople.Remote("follower" + i, inboxes.domains().get(i % domainCount)));
            }
            BenchPeople.follow(db, BenchPeople.remotePeople(db, followers), BenchPeople.accountId(api, poster));

            Set<String> all = new HashSet<>(inboxes.domains());
            Run first = post(api, poster, inboxes, all, 1);
            Run healthy = post(api, poster, inboxes, all, 2);

            List<String> shuffled = new ArrayList<>(inboxes.domains());
            Collections.shuffle(shuffled, new Random(7));
            int blackHoled = domainCount / 10;
            int failing = domainCount / 20;
            shuffled.subList(0, blackHoled).forEach(d -> inboxes.behave(d, SimulatedInboxes.Behaviour.BLACK_HOLE));
            shuffled.subList(blackHoled, blackHoled + failing)
                    .forEach(d -> inboxes.behave(d, SimulatedInboxes.Behaviour.FAILING));
            Set<String> stillHealthy = new HashSet<>(shuffled.subList(blackHoled + failing, domainCount));
            Run amongBroken = post(api, poster, inboxes, stillHealthy, 3);
            return new Result(followerCount, first, healthy, amongBroken, blackHoled, failing);
        }
    }

    /** Posts and waits until each of {@code watched} has had {@code deliveries} deliveries in all. */
    private static Run post(ApiClient api, String poster, SimulatedInboxes inboxes, Set<String> watched,
                            int deliveries) {
        int before = watched.stream().mapToInt(inboxes::deliveriesTo).sum();
        long start = System.nanoTime();
        api.postJson("/api/v1/statuses", poster, Map.of("status", "To every server", "visibility", "public"));
        long deadline = start + 600_000_000_000L;
        while (inboxes.reached(watched, deliveries) < watched.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + inboxes.reached(watched, deliveries) + " of "
                        + watched.size() + " servers got the post");
            }
            BenchServer.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // Anything sent twice would show up here.
        BenchServer.sleep(1_000);
        int made = watched.stream().mapToInt(inboxes::deliveriesTo).sum() - before;
        return new Run(watched.size(), made, seconds);
    }
}
