package io.rnnbench.benchmarks.rnn;

import io.rnnbench.benchmarks.ForkJvm;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.spi.Backend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One operation is one training step on the shape's batch, as {@code Trainer.step} does it: forward with loss,
 * BPTT, a finiteness check, clipping by value (±5) and an Adagrad update (lr 0.1), the recurrent state carried
 * to the next step. Weights, state and optimizer are reset before every iteration (not every invocation: a
 * per-invocation fixture would be timed with the step), so iterations measure the same stretch of training.
 * Unit: ms per step (lower is better). FLOPs: {@code FlopCount.of(TRAINING_STEP, …)}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TrainingStepBenchmark -p shape=large -p cell=lstm -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime) //                       time per step
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1) //                      overridden by the Maven profiles
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", ForkJvm.VECTOR_API}) // one JVM per backend × shape: backends must not share JIT profiles
@Threads(1)
public class TrainingStepBenchmark extends RnnFixture {

    @Override
    protected RnnWorkload<?> build(Backend<?> backend, CellType cellType, Shape size) {
        return RnnWorkload.create(backend, cellType, size, size.outputSize(), true);
    }

    /** The optimizer's state, which the steps of {@link CompiledStart} need. */
    @Override
    protected void prepare() {
        workload.restartTraining();
    }

    @Setup(Level.Iteration)
    public void restartTraining() {
        workload.restartTraining();
    }

    @Override
    protected void operation() {
        trainingStep();
    }

    /** @return the step's loss (before its update) */
    @Benchmark
    public double trainingStep() {
        return workload.trainingStep();
    }
}
