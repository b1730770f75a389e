package io.rnnbench.benchmarks.rnn;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * One operation is backpropagation through time of the forward pass of {@link ForwardBenchmark} (run once per
 * trial): the gradient of the loss w.r.t. every parameter, through the head, T steps and L layers. Backward
 * overwrites the gradients, so repeating it gives the same bits. Unit: ms per pass (lower is better). FLOPs:
 * {@code FlopCount.of(BACKWARD, …)}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BackwardBenchmark -p shape=medium -prof gc}.
 */
public class BackwardBenchmark extends RnnFixture {

    /** The forward pass whose activations every backward reads. */
    @Override
    protected void prepare() {
        network.forward();
    }

    @Override
    protected void operation() {
        backward();
    }

    /** @return the gradients of every parameter */
    @Benchmark
    public Object backward() {
        return network.backward();
    }
}
