package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.flops.FlopCount;
import io.rnnbench.benchmarks.gemm.GemmBenchmark;
import io.rnnbench.benchmarks.gemm.GemmShape;

import java.util.List;

/**
 * One backend's time for one GEMM of the kernel benchmark ({@link GemmBenchmark}): the mean time per product with
 * JMH's 99.9% interval, and the allocation per product from {@code -prof gc}.
 *
 * @param shape          the product
 * @param backend        the backend's registry name
 * @param score          mean time per product, in {@code unit}
 * @param scoreError     half-width of the 99.9% interval, NaN when undefined (one iteration)
 * @param confidenceLow  lower end of the interval (NaN when undefined)
 * @param confidenceHigh upper end
 * @param unit           JMH's unit, e.g. {@code us/op}
 * @param allocatedBytes {@code gc.alloc.rate.norm}, bytes allocated per product; NaN without {@code -prof gc}
 * @param rawData        every measurement iteration's time, per fork
 */
public record GemmMeasurement(GemmShape shape, String backend, double score, double scoreError, double confidenceLow,
                              double confidenceHigh, String unit, double allocatedBytes, List<List<Double>> rawData)
        implements TimedScore {

    /** GFLOP/s at the mean time: 2·m·n·k ({@link FlopCount#of(GemmShape)}) per product. */
    public double gigaflopsPerSecond() {
        return FlopCount.of(shape) / seconds() / 1e9;
    }
}
