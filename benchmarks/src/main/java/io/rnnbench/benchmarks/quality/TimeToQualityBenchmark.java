package io.rnnbench.benchmarks.quality;

import io.rnnbench.benchmarks.ForkJvm;
import io.rnnbench.benchmarks.rnn.AgreementCheck;
import io.rnnbench.benchmarks.rnn.RnnFixture;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.workloads.WorkloadRun;
import io.rnnbench.workloads.Workloads;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Time to quality: the wall time of a whole training run, per backend, in single-shot mode (one operation = one
 * run from freshly initialised weights; the model, data and optimizer are built before the clock starts).
 * <ul>
 *   <li>{@link #dinos}: {@code dinos} (seed 002, SGD) until its smoothed loss first falls below
 *       {@value #DINOS_TARGET}. The seed's smoothed loss starts at a uniform guess over 7 characters (23.07), rises
 *       above 28 while the model meets real names, then falls; the target is its first <em>downward</em> crossing of
 *       {@value #DINOS_TARGET}, at step 5,097 (1.5–2.5 s on {@code raw} on the 2-core development VM; the core's
 *       {@code DinosWorkload.TARGET_SMOOTHED_LOSS} = 23.0 takes 14,844 steps). Every backend follows the same
 *       trajectory bit for bit, so they all stop at the same step. A run that has not reached the target after
 *       {@value #DINOS_MAX_STEPS} steps or {@value #MAX_SECONDS} s stops there and reports {@code reached = 0}: the
 *       time is then that of the cap, not of the target.</li>
 *   <li>{@link #shakespeare}: {@code shakespeare} (seed 000, min-char-rnn, Adagrad) for {@value #SHAKESPEARE_STEPS}
 *       steps. The backends do the same work but not the same trajectory: Adagrad's first update moves every weight
 *       by ≈ ±lr whatever the size of its gradient, so gradients that differ in the last bit (summation order) and
 *       are tiny (a weight no character touched) become weights that differ by 0.1; the smoothed losses after 1,000
 *       steps differ by a few percent between backends. The time compares the work; the loss is reported beside it.</li>
 * </ul>
 * Secondary results (JMH auxiliary counters; JMH sums them over the iterations, the report divides): {@code steps}
 * run, {@code reached} (1 or 0) and {@code smoothedLoss} at the end. Before timing, the backend's first training step
 * must give the same loss as
 * {@code raw} ({@link AgreementCheck}'s tolerances). Unit: s per run (lower is better).
 *
 * <p>Run: {@code mvn -pl benchmarks verify -Pquality}, or {@code java -jar benchmarks/target/benchmarks.jar
 * TimeToQuality -p backend=raw,ejml}. Not in the default grid (≈ 5 min for 5 backends with
 * {@code -Pquality}); in {@code -Pfull}.
 */
@BenchmarkMode(Mode.SingleShotTime) //                    one whole training run per operation
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1) //                                one run compiles the hot loop; the Maven profiles override
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", ForkJvm.VECTOR_API}) // one JVM per backend: backends must not share JIT profiles
@Threads(1)
public class TimeToQualityBenchmark {
    /** The dinos target: the first downward crossing of this smoothed loss. */
    public static final double DINOS_TARGET = 25.0;
    /** The dinos cap in steps (≈ 4 × the steps the target takes). */
    public static final int DINOS_MAX_STEPS = 20_000;
    /** The cap in wall time for either run. */
    public static final long MAX_SECONDS = 120;
    /** The shakespeare run's length. */
    public static final int SHAKESPEARE_STEPS = 1_000;

    /** A fresh run of one workload on the backend, built per iteration (outside the timing). */
    @State(Scope.Thread)
    public abstract static class FreshWorkloadRun {
        /** A backend's registry name; {@code RunBenchmarks} replaces the list with every backend on the class path. */
        @Param({"commons-math", "ejml", "raw"})
        public String backend;

        WorkloadRun<?> run;

        abstract String workload();

        @Setup(Level.Trial)
        public void checkAgainstReference() {
            if (!backend.equals(RnnFixture.REFERENCE_BACKEND)) {
                double loss = Workloads.byName(workload()).start(Backends.byName(backend)).trainStep();
                double reference = Workloads.byName(workload()).start(Backends.byName(RnnFixture.REFERENCE_BACKEND)).trainStep();
                double tolerance = AgreementCheck.ABSOLUTE + AgreementCheck.RELATIVE * Math.abs(reference);
                if (!(Math.abs(loss - reference) <= tolerance)) {
                    throw new IllegalStateException(workload() + ": the first step's loss on " + backend + " is " + loss
                            + ", on " + RnnFixture.REFERENCE_BACKEND + " " + reference + " (tolerance " + tolerance + ")");
                }
            }
        }

        @Setup(Level.Iteration)
        public void start() {
            run = Workloads.byName(workload()).start(Backends.byName(backend));
        }
    }

    public static class Dinos extends FreshWorkloadRun {
        @Override
        String workload() {
            return "dinos";
        }
    }

    public static class Shakespeare extends FreshWorkloadRun {
        @Override
        String workload() {
            return "shakespeare";
        }
    }

    /** What one run reached (reset before each iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcome {
        public long steps;
        /** 1 when the target was reached, 0 when a cap stopped the run. */
        public long reached;
        public double smoothedLoss;

        @Setup(Level.Iteration)
        public void clear() {
            steps = 0;
            reached = 0;
            smoothedLoss = Double.NaN;
        }
    }

    /** Trains {@code dinos} until the smoothed loss first falls below {@value #DINOS_TARGET} (or a cap); returns the steps. */
    @Benchmark
    public long dinos(Dinos state, Outcome outcome) {
        WorkloadRun<?> run = state.run;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        boolean above = false;
        long step = 0;
        while (step < DINOS_MAX_STEPS && (step % 256 != 0 || System.nanoTime() < deadline)) {
            run.trainStep();
            step++;
            double smoothed = run.smoothedLoss();
            if (smoothed >= DINOS_TARGET) {
                above = true;
            } else if (above) {
                outcome.reached = 1;
                break;
            }
        }
        outcome.steps = step;
        outcome.smoothedLoss = run.smoothedLoss();
        return step;
    }

    /** Trains {@code shakespeare} for {@value #SHAKESPEARE_STEPS} steps (or the time cap); returns the smoothed loss. */
    @Benchmark
    public double shakespeare(Shakespeare state, Outcome outcome) {
        WorkloadRun<?> run = state.run;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        long step = 0;
        while (step < SHAKESPEARE_STEPS && (step % 64 != 0 || System.nanoTime() < deadline)) {
            run.trainStep();
            step++;
        }
        outcome.steps = step;
        outcome.reached = step == SHAKESPEARE_STEPS ? 1 : 0;
        outcome.smoothedLoss = run.smoothedLoss();
        return outcome.smoothedLoss;
    }
}
