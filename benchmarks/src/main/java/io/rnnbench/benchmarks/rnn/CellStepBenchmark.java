package io.rnnbench.benchmarks.rnn;

import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.spi.Backend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.util.concurrent.TimeUnit;

/**
 * Inference latency: one operation is one timestep of one layer for the shape's batch, from x_t and h_{t−1} to
 * h_t (LSTM: and c_t). The core has no public single-layer call, so this is {@code Network.forward} of a T = 1,
 * L = 1 network whose head has a single class (V = 1, no loss): the head adds 2·B·H + B FLOPs, under 1% of the
 * step for every preset. Unit: µs per step (lower is better). FLOPs: {@code FlopCount.of(CELL_STEP, …)}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CellStepBenchmark -p shape=char -prof gc}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS) // steps take µs, not ms
public class CellStepBenchmark extends RnnFixture {

    @Override
    protected BenchmarkNetwork<?> build(Backend<?> backend, CellType cellType, Shape size) {
        return BenchmarkNetwork.create(backend, cellType, size.oneStepOfOneLayer(), 1, false);
    }

    @Override
    protected void operation() {
        cellStep();
    }

    /** @return the step's output through the one-class head, [B, 1] */
    @Benchmark
    public Object cellStep() {
        network.forward();
        return network.logits();
    }
}
