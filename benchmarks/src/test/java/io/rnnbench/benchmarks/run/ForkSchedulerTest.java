package io.rnnbench.benchmarks.run;

import io.rnnbench.benchmarks.grid.GridPoint;
import io.rnnbench.benchmarks.stats.GroupVerdicts;
import io.rnnbench.benchmarks.stats.PairwiseVerdict.Kind;
import io.rnnbench.benchmarks.stats.VerdictPolicy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForkSchedulerTest {
    private static final String STEP = "io.rnnbench.benchmarks.rnn.TrainingStepBenchmark.trainingStep";

    private static GridPoint point(String shape, String backend) {
        return GridPoint.of(STEP, Map.of("cell", "lstm", "shape", shape, "backend", backend));
    }

    /** A clock that a fork moves on by one second, and a runner drawing lognormal times around each backend's mean. */
    private static class FakeMachine implements ForkRunner {
        final Map<String, Double> meanSeconds;
        final double sigma;
        final Random random;
        final List<String> calls = new ArrayList<>();
        long nanos;
        double drift = 1;

        FakeMachine(Map<String, Double> meanSeconds, double sigma, long seed) {
            this.meanSeconds = meanSeconds;
            this.sigma = sigma;
            this.random = new Random(seed);
        }

        @Override
        public double run(GridPoint point, int fork) {
            calls.add(point.params().get("shape") + "/" + point.backend() + "#" + fork);
            nanos += 1_000_000_000L;
            return drift * meanSeconds.get(point.backend()) * Math.exp(sigma * random.nextGaussian());
        }
    }

    private static ForkScheduler scheduler(List<GridPoint> grid, int forks, Duration budget, FakeMachine machine) {
        return new ForkScheduler(grid, forks, VerdictPolicy.DEFAULT, budget, () -> machine.nanos,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void roundsInterleaveTheBackendsOfAShapeAndRotateTheirOrder() throws Exception {
        FakeMachine machine = new FakeMachine(Map.of("a", 1.0, "b", 2.0, "c", 4.0), 0.01, 1);
        List<GridPoint> grid = List.of(point("char", "a"), point("char", "b"), point("char", "c"),
                point("medium", "a"), point("medium", "b"), point("medium", "c"));

        scheduler(grid, 3, Duration.ZERO, machine).run(machine);

        assertEquals(List.of(
                "char/a#1", "char/b#1", "char/c#1", "medium/a#1", "medium/b#1", "medium/c#1",
                "char/b#2", "char/c#2", "char/a#2", "medium/b#2", "medium/c#2", "medium/a#2",
                "char/c#3", "char/a#3", "char/b#3", "medium/c#3", "medium/a#3", "medium/b#3"), machine.calls);
    }

    @Test
    void extraForksGoOnlyToUndecidedPairsAndStopWhenTheyAreDecided() throws Exception {
        // a and b 3% apart: undecided at 6 forks with σ = 4%; c is 3× slower than both and decided at once
        FakeMachine machine = new FakeMachine(Map.of("a", 1.0, "b", 1.03, "c", 3.0), 0.04, 7);
        List<GridPoint> grid = List.of(point("char", "a"), point("char", "b"), point("char", "c"));

        ForkScheduler.Outcome outcome = scheduler(grid, 6, Duration.ofHours(1), machine).run(machine);

        assertEquals(6, outcome.forkSeconds().get(point("char", "c")).length, "c was decided at the first look");
        int forksA = outcome.forkSeconds().get(point("char", "a")).length;
        assertTrue(forksA > 6, "a and b got extra forks: " + forksA);
        assertEquals(forksA, outcome.forkSeconds().get(point("char", "b")).length);
        GroupVerdicts verdicts = outcome.verdicts().values().iterator().next();
        assertEquals(Kind.A_FASTER, verdicts.versus("a", "c").kind());
        assertEquals(Kind.A_FASTER, verdicts.versus("b", "c").kind());
        assertTrue(!verdicts.versus("a", "b").undecided() || forksA == VerdictPolicy.DEFAULT.lastLook(),
                "a and b ran until decided or the last look: " + verdicts.versus("a", "b") + " after " + forksA);
        assertTrue(outcome.budgetLimited().isEmpty());
    }

    @Test
    void extraForksThatDoNotFitTheBudgetAreNotRun() throws Exception {
        FakeMachine machine = new FakeMachine(Map.of("a", 1.0, "b", 1.0), 0.10, 3);
        List<GridPoint> grid = List.of(point("char", "a"), point("char", "b"));

        // 12 forks of 1 s take 12 s; the next look (10 a side) needs 8 more seconds, the budget leaves 3
        ForkScheduler.Outcome outcome = scheduler(grid, 6, Duration.ofSeconds(15), machine).run(machine);

        assertEquals(12, outcome.forks());
        assertEquals(1, outcome.budgetLimited().size(), outcome.budgetLimited().toString());
        assertTrue(outcome.verdicts().values().iterator().next().versus("a", "b").undecided());
    }

    @Test
    void driftBetweenRoundsFallsOnBothSidesAlike() throws Exception {
        // the machine slows down steadily by 25% over the run; had a run all of a's forks and then all of b's, b would
        // look ≈ 1.3 × 1.12 slower; interleaved, the drift falls on both alike
        FakeMachine machine = new FakeMachine(Map.of("a", 1.0, "b", 1.3), 0.02, 11) {
            @Override
            public double run(GridPoint point, int fork) {
                drift = 1 + 0.25 * calls.size() / 12;
                return super.run(point, fork);
            }
        };
        List<GridPoint> grid = List.of(point("char", "a"), point("char", "b"));

        ForkScheduler.Outcome outcome = scheduler(grid, 6, Duration.ZERO, machine).run(machine);

        var verdict = outcome.verdicts().values().iterator().next().versus("a", "b");
        assertEquals(Kind.A_FASTER, verdict.kind(), verdict.toString());
        assertTrue(verdict.low() < 1.3 && 1.3 < verdict.high(), "the interval holds the true ratio: " + verdict);
        assertEquals(1.3, verdict.ratio(), 0.04, "and the estimate is not shifted by the drift");
    }
}
