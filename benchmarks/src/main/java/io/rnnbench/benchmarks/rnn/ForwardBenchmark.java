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
 * One operation is the forward pass of the shape's whole batch: T steps through all L layers, the per-step
 * softmax head (V = X) and the cross-entropy loss against seeded targets. Unit: ms per pass (lower is better).
 * FLOPs: {@code FlopCount.of(FORWARD, …)}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ForwardBenchmark -p shape=medium -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime) //                       time per pass
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1) //                      overridden by the Maven profiles
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", ForkJvm.VECTOR_API}) // one JVM per backend × shape: backends must not share JIT profiles
@Threads(1)
public class ForwardBenchmark extends RnnFixture {

    @Override
    protected RnnWorkload<?> build(Backend<?> backend, CellType cellType, Shape size) {
        return RnnWorkload.create(backend, cellType, size, size.outputSize(), true);
    }

    @Override
    protected void operation() {
        forward();
    }

    /** @return the loss, summed over steps and averaged over the batch */
    @Benchmark
    public double forward() {
        return workload.forward();
    }
}
