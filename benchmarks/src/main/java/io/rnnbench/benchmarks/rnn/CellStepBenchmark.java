package io.rnnbench.benchmarks.rnn;

import io.rnnbench.benchmarks.ForkJvm;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.spi.Backend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Inference latency: one operation is one timestep of one layer for the shape's batch, from x_t and h_{t−1} to
 * h_t (LSTM: and c_t). The core has no public single-layer call, so this is {@code Network.forward} of a T = 1,
 * L = 1 network whose head has a single class (V = 1, no loss): the head adds 2·B·H + B FLOPs, under 1% of the
 * step for every preset. Unit: µs per step (lower is better). FLOPs: {@code FlopCount.of(CELL_STEP, …)}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CellStepBenchmark -p shape=char -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime) //                       time per step
@OutputTimeUnit(TimeUnit.MICROSECONDS) //                 steps take µs, not ms
@Warmup(iterations = 2, time = 1) //                      overridden by the Maven profiles
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", ForkJvm.VECTOR_API}) // one JVM per backend × shape: backends must not share JIT profiles
@Threads(1) //                                            single-threaded latency
public class CellStepBenchmark extends RnnFixture {

    @Override
    protected RnnWorkload<?> build(Backend<?> backend, CellType cellType, Shape size) {
        return RnnWorkload.create(backend, cellType, size.oneStepOfOneLayer(), 1, false);
    }

    @Override
    protected void operation() {
        cellStep();
    }

    /** @return the step's output through the one-class head, [B, 1] */
    @Benchmark
    public Object cellStep() {
        workload.forward();
        return workload.logits();
    }
}
