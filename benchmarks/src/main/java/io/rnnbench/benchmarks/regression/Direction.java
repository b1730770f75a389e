package io.rnnbench.benchmarks.regression;

/**
 * Which way is better, read from JMH's score unit: a throughput ({@code ops/s}, {@code ops/ms}, …, from
 * {@code Mode.Throughput}) is better bigger; a time per operation ({@code s/op}, {@code ms/op}, {@code us/op},
 * {@code ns/op}, from {@code AverageTime}, {@code SampleTime} and {@code SingleShotTime}) is better smaller.
 */
public enum Direction {
    /** Throughput: a smaller score is a slowdown. */
    BIGGER_IS_BETTER("↑ better"),
    /** Time per operation: a bigger score is a slowdown. */
    SMALLER_IS_BETTER("↓ better");

    private final String arrow;

    Direction(String arrow) {
        this.arrow = arrow;
    }

    /** "↑ better" or "↓ better", for tables. */
    public String arrow() {
        return arrow;
    }

    /**
     * The direction of a JMH score unit.
     *
     * @throws IllegalArgumentException for a unit that is neither a throughput nor a time per operation
     */
    public static Direction ofUnit(String unit) {
        if (unit != null) {
            switch (unit) {
                case "ops/s", "ops/ms", "ops/us", "ops/ns", "ops/min", "ops/hr", "ops/day":
                    return BIGGER_IS_BETTER;
                case "s/op", "ms/op", "us/op", "ns/op", "min/op", "hr/op", "day/op":
                    return SMALLER_IS_BETTER;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown score unit '" + unit + "': expected a throughput (ops/s, ops/ms, "
                + "ops/us, ops/ns) or a time per operation (s/op, ms/op, us/op, ns/op)");
    }

    /**
     * The "cost" of a score on a log scale, bigger = worse: log(score) for a time, −log(score) for a throughput. A
     * cost difference of ln(1.1) is a 10% slowdown in either direction.
     */
    public double logCost(double score) {
        return this == SMALLER_IS_BETTER ? Math.log(score) : -Math.log(score);
    }
}
