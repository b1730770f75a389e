package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.flops.FlopCount;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;

import java.util.List;

/**
 * One benchmark × parameter combination of a JMH result file: the primary score (average time per operation)
 * with JMH's 99.9% confidence interval, and the allocation per operation from {@code -prof gc}.
 *
 * @param suite            which of the four benchmarks
 * @param backend          the backend's registry name
 * @param cell             RNN or LSTM
 * @param shape            the preset or custom shape
 * @param score            mean time per operation, in {@code unit}
 * @param scoreError       half-width of the 99.9% confidence interval, in {@code unit}; NaN when JMH could not
 *                         estimate it (one measurement iteration in total)
 * @param confidenceLow    lower end of the 99.9% interval (NaN when undefined)
 * @param confidenceHigh   upper end
 * @param unit             JMH's score unit, e.g. {@code ms/op}
 * @param allocatedBytes   {@code gc.alloc.rate.norm}, bytes allocated per operation; NaN without {@code -prof gc}
 * @param rawData          every measurement iteration's score, per fork
 */
public record Measurement(Suite suite, String backend, CellType cell, Shape shape, double score, double scoreError,
                          double confidenceLow, double confidenceHigh, String unit, double allocatedBytes,
                          List<List<Double>> rawData) implements TimedScore {

    /** Exact FLOPs of one operation. */
    public long flops() {
        return FlopCount.of(suite, cell, shape);
    }

    /** GFLOP/s at the mean time. */
    public double gigaflopsPerSecond() {
        return flops() / seconds() / 1e9;
    }

    /** Throughput users think in: timesteps × sequences per second (T·B per operation; B for the cell step). */
    public double stepsPerSecond() {
        long stepsPerOperation = (long) (suite == Suite.CELL_STEP ? 1 : shape.steps()) * shape.batch();
        return stepsPerOperation / seconds();
    }

    /** "training step LSTM char". */
    public String describe() {
        return suite.title() + " " + cell + " " + shape.name();
    }

    /** Number of measurement iterations over all forks. */
    public int iterations() {
        return rawData.stream().mapToInt(List::size).sum();
    }
}
