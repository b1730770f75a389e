package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.grid.GridPoint;
import io.rnnbench.benchmarks.run.ForkRunner;
import io.rnnbench.benchmarks.run.ForkScheduler;
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

/** The A/B's extra forks, with a fake jar runner: the same scheduler as the grid's, with the sides as members. */
class AbAdaptiveForksTest {
    private static final String FORWARD = "io.rnnbench.benchmarks.rnn.ForwardBenchmark.forward";
    private static final String STEP = "io.rnnbench.benchmarks.rnn.TrainingStepBenchmark.trainingStep";

    private static GridPoint point(String benchmark, String side) {
        return GridPoint.of(benchmark, Map.of("backend", "raw", "cell", "rnn", "shape", "char", JarForkRunner.SIDE, side));
    }

    /**
     * Forks of one second each on a fake clock: the forward pass is 1.5× slower in the candidate (decided at the first
     * look), the training step the same on both sides with 10% noise per fork (undecided at every look).
     */
    private static final class FakeJars implements ForkRunner {
        final Random random = new Random(5);
        final List<String> calls = new ArrayList<>();
        long nanos;

        @Override
        public double run(GridPoint point, int fork) {
            String side = point.member(JarForkRunner.SIDE);
            calls.add(point.shortName() + "/" + side);
            nanos += 1_000_000_000L;
            double mean = point.benchmark().equals(FORWARD) && side.equals("candidate") ? 1.5 : 1.0;
            return mean * Math.exp((point.benchmark().equals(STEP) ? 0.10 : 0.02) * random.nextGaussian());
        }
    }

    private static ForkScheduler.Outcome run(FakeJars jars, int forks, Duration budget) throws ForkRunner.ForkFailedException {
        List<GridPoint> points = AbCommand.interleave(List.of(point(FORWARD, "baseline"), point(STEP, "baseline")),
                List.of(point(STEP, "candidate"), point(FORWARD, "candidate")));
        return AbCommand.forks(points, forks, budget, jars, () -> jars.nanos,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutABudgetEachSideGetsExactlyItsForksInAlternatingOrder() throws Exception {
        FakeJars jars = new FakeJars();
        ForkScheduler.Outcome outcome = run(jars, 10, Duration.ZERO);

        assertEquals(40, outcome.forks());
        assertEquals(List.of("ForwardBenchmark.forward/baseline", "ForwardBenchmark.forward/candidate",
                "TrainingStepBenchmark.trainingStep/baseline", "TrainingStepBenchmark.trainingStep/candidate",
                "ForwardBenchmark.forward/candidate", "ForwardBenchmark.forward/baseline",
                "TrainingStepBenchmark.trainingStep/candidate", "TrainingStepBenchmark.trainingStep/baseline"),
                jars.calls.subList(0, 8), "A B, then B A: each point's sides run next to each other, the first side alternating");
    }

    @Test
    void extraForksGoOnlyToTheUndecidedPointAndStopAtTheBudget() throws Exception {
        FakeJars jars = new FakeJars();
        // 40 s for the first 10 forks a side; the next look (16 a side) of the undecided point needs 12 s more, which
        // fits in 60 s; the one after (24 a side) would need 16 s more, which does not
        Duration budget = Duration.ofSeconds(60);
        ForkScheduler.Outcome outcome = run(jars, 10, budget);

        assertEquals(10, outcome.forkSeconds().get(point(FORWARD, "baseline")).length, "decided at the first look: no extra forks");
        assertEquals(10, outcome.forkSeconds().get(point(FORWARD, "candidate")).length);
        assertEquals(16, outcome.forkSeconds().get(point(STEP, "baseline")).length, "undecided: forks up to the next look");
        assertEquals(16, outcome.forkSeconds().get(point(STEP, "candidate")).length);
        String step = point(STEP, "baseline").group(JarForkRunner.SIDE);
        assertTrue(outcome.verdicts().get(step).versus("baseline", "candidate").undecided(), "still undecided at 16");
        assertEquals(List.of(step), List.copyOf(outcome.budgetLimited()), "refused the 24-fork look for want of budget");
        assertTrue(outcome.elapsed().compareTo(budget) <= 0, "within the budget: " + outcome.elapsed());
        String forward = point(FORWARD, "baseline").group(JarForkRunner.SIDE);
        assertTrue(!outcome.verdicts().get(forward).versus("baseline", "candidate").undecided());

        FakeJars longer = new FakeJars();
        ForkScheduler.Outcome unlimited = run(longer, 10, Duration.ofHours(1));
        assertEquals(VerdictPolicy.DEFAULT.lastLook(), unlimited.forkSeconds().get(point(STEP, "candidate")).length,
                "with time, up to the last look and no further");
        assertEquals(10, unlimited.forkSeconds().get(point(FORWARD, "candidate")).length);
    }
}
