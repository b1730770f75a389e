package io.rnnbench.benchmarks.regression;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The comparison's {@link Thresholds} as options, shared by {@code compare} and {@code ab}. A fraction may be written
 * as a percentage: {@code --threshold 10%} is {@code --threshold 0.10}.
 */
final class ThresholdOptions {

    @Option(names = "--threshold", paramLabel = "F", converter = Fraction.class,
            description = "A time change counts beyond this fraction (default 0.10).")
    Double time;

    @Option(names = "--alpha", paramLabel = "A", converter = Fraction.class,
            description = "Level of the rank test, 1 − confidence of the interval (default 0.01).")
    Double alpha;

    @Option(names = "--alloc-threshold", paramLabel = "F", converter = Fraction.class,
            description = "An allocation regression needs more than this fraction more … (default 0.05)")
    Double allocRelative;

    @Option(names = "--alloc-bytes", paramLabel = "B", converter = Fraction.class,
            description = "… and more than this many B/op more (default 64).")
    Double allocBytes;

    @Option(names = "--ruler-tolerance", paramLabel = "F", converter = Fraction.class,
            description = "A ruler has moved beyond this fraction (default 0.03).")
    Double rulerTolerance;

    @Option(names = "--time-blocking", paramLabel = "true|false", arity = "1",
            description = "Whether a slower time verdict fails the comparison (default true; allocation always does).")
    Boolean timeBlocking;

    /**
     * The thresholds, the defaults where no option is given.
     *
     * @throws IllegalArgumentException naming the option when a value is out of its range
     */
    Thresholds thresholds() {
        Thresholds d = Thresholds.DEFAULT;
        return new Thresholds(time != null ? time : d.time(), alpha != null ? alpha : d.alpha(),
                allocRelative != null ? allocRelative : d.allocRelative(), allocBytes != null ? allocBytes : d.allocBytes(),
                rulerTolerance != null ? rulerTolerance : d.rulerTolerance(),
                timeBlocking != null ? timeBlocking : d.timeBlocking());
    }

    /** A number, or a percentage ({@code 10%} = 0.10). */
    static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            boolean percent = value.endsWith("%");
            try {
                double number = Double.parseDouble(percent ? value.substring(0, value.length() - 1) : value);
                return percent ? number / 100 : number;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "': expected a number");
            }
        }
    }
}
