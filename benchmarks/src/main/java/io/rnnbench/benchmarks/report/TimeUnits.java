package io.rnnbench.benchmarks.report;

import java.util.Locale;

/** JMH's time-per-operation units and their conversion, for reports that mix suites measured in µs and ms. */
public final class TimeUnits {
    private TimeUnits() {
    }

    /**
     * Seconds in one {@code unit}, e.g. 1e−3 for {@code ms/op}.
     *
     * @throws IllegalArgumentException for a unit that is not a time per operation (e.g. {@code ops/s})
     */
    public static double secondsPer(String unit) {
        return switch (unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> throw new IllegalArgumentException("unit '" + unit
                    + "' is not a time per operation (s/op, ms/op, us/op, ns/op): run the benchmarks in AverageTime mode");
        };
    }

    /** A time in seconds with three significant digits in the unit that suits it: "1.23 ms", "456 µs". */
    public static String format(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "n/a";
        }
        double abs = Math.abs(seconds);
        if (abs >= 1) {
            return significant(seconds) + " s";
        } else if (abs >= 1e-3) {
            return significant(seconds * 1e3) + " ms";
        } else if (abs >= 1e-6) {
            return significant(seconds * 1e6) + " µs";
        }
        return significant(seconds * 1e9) + " ns";
    }

    /** Three significant digits (at least the integer part), e.g. 1.23, 12.3, 123, 1234. */
    static String significant(double value) {
        double abs = Math.abs(value);
        int decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
