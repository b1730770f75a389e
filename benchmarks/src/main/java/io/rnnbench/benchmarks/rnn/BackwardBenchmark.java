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
 * One operation is backpropagation through time of the forward pass of {@link ForwardBenchmark} (run once per
 * trial): the gradient of the loss w.r.t. every parameter, through the head, T steps and L layers. Backward
 * overwrites the gradients, so repeating it gives the same bits. Unit: ms per pass (lower is better). FLOPs:
 * {@code FlopCount.of(BACKWARD, …)}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BackwardBenchmark -p shape=medium -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime) //                       time per pass
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1) //                      overridden by the Maven profiles
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", ForkJvm.VECTOR_API}) // one JVM per backend × shape: backends must not share JIT profiles
@Threads(1)
public class BackwardBenchmark extends RnnFixture {

    @Override
    protected RnnWorkload<?> build(Backend<?> backend, CellType cellType, Shape size) {
        return RnnWorkload.create(backend, cellType, size, size.outputSize(), true);
    }

    /** The forward pass whose activations every backward reads. */
    @Override
    protected void prepare() {
        workload.forward();
    }

    @Override
    protected void operation() {
        backward();
    }

    /** @return the gradients of every parameter */
    @Benchmark
    public Object backward() {
        return workload.backward();
    }
}
