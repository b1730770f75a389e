package io.rnnbench.benchmarks.grid;

import io.rnnbench.benchmarks.results.JmhResults;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardPlanTest {
    private static final String STEP = "io.rnnbench.benchmarks.rnn.TrainingStepBenchmark.trainingStep";
    private static final String GEMM = "io.rnnbench.benchmarks.gemm.GemmBenchmark.multiply";

    /** 40 groups of 1–4 backends, each point costing a random 1–100 s. */
    private static Map<GridPoint, Double> randomGrid(long seed) {
        Random random = new Random(seed);
        Map<GridPoint, Double> cost = new HashMap<>();
        for (int g = 0; g < 40; g++) {
            int backends = 1 + random.nextInt(4);
            for (int b = 0; b < backends; b++) {
                cost.put(GridPoint.of(STEP, Map.of("cell", "lstm", "shape", "X8-H" + (g + 1) + "-B1-T2-L1", "backend", "b" + b)),
                        1 + 99 * random.nextDouble());
            }
        }
        return cost;
    }

    @Test
    void everyGroupIsInExactlyOneShardAndShardsDifferByAtMostTheLargestGroup() {
        for (long seed = 1; seed <= 20; seed++) {
            Map<GridPoint, Double> cost = randomGrid(seed);
            List<GridPoint> grid = new ArrayList<>(cost.keySet());
            Map<String, Double> groupCost = new HashMap<>();
            grid.forEach(p -> groupCost.merge(p.group(), cost.get(p), Double::sum));
            double largest = Collections.max(groupCost.values());
            for (int shards = 1; shards <= 5; shards++) {
                int n = shards;
                ShardPlan plan = ShardPlan.of(grid, n, cost::get);

                List<String> all = new ArrayList<>();
                for (int k = 1; k <= n; k++) {
                    Shard shard = new Shard(k, n);
                    all.addAll(plan.groups(shard));
                    double sum = plan.groups(shard).stream().mapToDouble(groupCost::get).sum();
                    assertEquals(sum, plan.cost(shard), 1e-9, "shard " + shard + "'s cost is its groups' cost");
                    for (GridPoint p : plan.points(grid, shard)) {
                        assertTrue(plan.groups(shard).contains(p.group()), p + " outside " + shard + "'s groups");
                    }
                }
                assertEquals(groupCost.size(), all.size(), "seed " + seed + ", " + n + " shards: every group once");
                assertEquals(groupCost.keySet(), new HashSet<>(all));
                assertEquals(grid.size(), java.util.stream.IntStream.rangeClosed(1, n)
                        .map(k -> plan.points(grid, new Shard(k, n)).size()).sum(), "every point once");
                double max = Collections.max(plan.costs()), min = Collections.min(plan.costs());
                assertTrue(max - min <= largest + 1e-9, "seed " + seed + ", " + n + " shards: loads " + plan.costs()
                        + " differ by more than the largest group, " + largest);
            }
        }
    }

    @Test
    void theSplitDependsOnTheGridAndCostsOnlyNotOnTheirOrder() {
        Map<GridPoint, Double> cost = randomGrid(7);
        List<GridPoint> grid = new ArrayList<>(cost.keySet());
        ShardPlan plan = ShardPlan.of(grid, 3, cost::get);
        for (long seed = 0; seed < 5; seed++) {
            List<GridPoint> shuffled = new ArrayList<>(grid);
            Collections.shuffle(shuffled, new Random(seed));
            ShardPlan again = ShardPlan.of(shuffled, 3, cost::get);
            for (int k = 1; k <= 3; k++) {
                assertEquals(plan.groups(new Shard(k, 3)), again.groups(new Shard(k, 3)), "shard " + k + "/3, order " + seed);
            }
            assertEquals(plan.gridGroups(), again.gridGroups());
        }
    }

    @Test
    void equalCostsAreBrokenByGroupName() {
        List<GridPoint> grid = new ArrayList<>();
        for (String gemm : List.of("d", "b", "a", "c")) {
            grid.add(GridPoint.of(GEMM, Map.of("gemm", gemm, "backend", "raw")));
        }
        ShardPlan plan = ShardPlan.of(grid, 2, p -> 1.0);

        assertEquals(List.of("GemmBenchmark.multiply gemm=a", "GemmBenchmark.multiply gemm=c"), plan.groups(new Shard(1, 2)));
        assertEquals(List.of("GemmBenchmark.multiply gemm=b", "GemmBenchmark.multiply gemm=d"), plan.groups(new Shard(2, 2)));
    }

    @Test
    void moreShardsThanGroupsAreRefused() {
        List<GridPoint> grid = List.of(GridPoint.of(GEMM, Map.of("gemm", "a", "backend", "raw")),
                GridPoint.of(GEMM, Map.of("gemm", "a", "backend", "ejml")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardPlan.of(grid, 2, p -> 1.0));
        assertTrue(e.getMessage().contains("2 shards of a grid of 1 comparison group(s)"), e.getMessage());
    }

    @Test
    void shardsAreKOfN() {
        assertEquals(new Shard(2, 3), Shard.parse("2/3"));
        assertEquals("2/3", new Shard(2, 3).toString());
        for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/0", "-1/2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("expected k/n with 1 ≤ k ≤ n, e.g. 2/3"), e.getMessage());
        }
    }

    @Test
    void aForkLastsItsIterationsOrItsOperationsWhicheverIsLonger() {
        Options options = new OptionsBuilder().warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                .measurementIterations(6).measurementTime(TimeValue.milliseconds(200)).build();
        ForkCost cost = ForkCost.of(options);
        GridPoint small = GridPoint.of(GEMM, Map.of("gemm", "char-recurrent", "backend", "raw"));
        GridPoint medium = GridPoint.of(STEP, Map.of("cell", "lstm", "shape", "medium", "backend", "raw"));

        double least = ForkCost.FORK_OVERHEAD.toMillis() / 1e3 + 2 * 0.5 + 6 * 0.2;
        assertEquals(least, cost.seconds(small), 1e-9, "2·128·512 FLOPs take far less than an iteration");
        assertEquals(least, cost.leastFork().toNanos() / 1e9, 1e-9);
        double operation = cost.operationSeconds(medium);
        assertTrue(operation > 0.5, "a medium LSTM training step outlasts its iterations: " + operation + " s");
        assertEquals(ForkCost.FORK_OVERHEAD.toMillis() / 1e3 + 8 * operation, cost.seconds(medium), 1e-9);
        GridPoint ruler = GridPoint.of("io.rnnbench.benchmarks.ruler.RulerBenchmark.fmaDot", Map.of());
        assertEquals(ForkCost.UNCOUNTED_OPERATION.toMillis() / 1e3, cost.operationSeconds(ruler), 1e-9);

        JmhResults previous = JmhResults.parse("""
                [{"benchmark": "%s", "mode": "avgt", "params": {"backend": "raw", "cell": "lstm", "shape": "medium"},
                  "primaryMetric": {"score": 40.0, "scoreUnit": "ms/op", "rawData": [[40.0]]}}]""".formatted(STEP), "previous.json");
        ForkCost measured = ForkCost.of(options, previous);
        assertEquals(0.040, measured.operationSeconds(medium), 1e-12, "the previous result's time, not the FLOP count");
        assertEquals(least, measured.seconds(medium), 1e-9, "40 ms is within an iteration");
        assertEquals(cost.seconds(small), measured.seconds(small), 1e-12, "a point the file lacks: by FLOP count");
        assertTrue(measured.source().startsWith("previous.json"), measured.source());
    }

    @Test
    void aJarsGridIsReadFromJmhsListing() {
        String listing = """
                # JMH version: 1.37
                Benchmarks:\s
                io.rnnbench.benchmarks.rnn.ForwardBenchmark.forward
                  param "backend" = {raw}
                  param "cell" = {rnn, lstm}
                  param "shape" = {char}
                io.rnnbench.benchmarks.ruler.RulerBenchmark.fmaDot
                """;
        List<GridPoint> grid = Grid.ofListing(listing, "a.jar");

        assertEquals(List.of(
                GridPoint.of("io.rnnbench.benchmarks.rnn.ForwardBenchmark.forward", Map.of("backend", "raw", "cell", "rnn", "shape", "char")),
                GridPoint.of("io.rnnbench.benchmarks.rnn.ForwardBenchmark.forward", Map.of("backend", "raw", "cell", "lstm", "shape", "char")),
                GridPoint.of("io.rnnbench.benchmarks.ruler.RulerBenchmark.fmaDot", Map.of())), grid);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grid.ofListing("Error: no jar", "b.jar"));
        assertTrue(e.getMessage().startsWith("b.jar: no \"Benchmarks:\" line"), e.getMessage());
    }
}
