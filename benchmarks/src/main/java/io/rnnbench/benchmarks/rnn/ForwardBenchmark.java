package io.rnnbench.benchmarks.rnn;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * One operation is the forward pass of the shape's whole batch: T steps through all L layers, the per-step
 * softmax head (V = X) and the cross-entropy loss against seeded targets. Unit: ms per pass (lower is better).
 * FLOPs: {@code FlopCount.of(FORWARD, …)}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ForwardBenchmark -p shape=medium -prof gc}.
 */
public class ForwardBenchmark extends RnnFixture {

    @Override
    protected void operation() {
        forward();
    }

    /** @return the loss, summed over steps and averaged over the batch */
    @Benchmark
    public double forward() {
        return network.forward();
    }
}
