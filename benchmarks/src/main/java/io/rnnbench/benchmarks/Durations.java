package io.rnnbench.benchmarks;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the commands read a time limit and write a wall time. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    private Durations() {
    }

    /** "42 s", or "3 min 5 s" from a minute on (whole seconds, rounded down). */
    public static String minutesAndSeconds(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }

    /**
     * A duration such as {@code 9m}, {@code 540s}, {@code 1.5h} or {@code 0} (seconds without a unit).
     *
     * @param option the option it came from, for the message
     * @throws IllegalArgumentException naming the option, with the accepted forms, for anything else
     */
    public static Duration parse(String option, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " '" + text + "': expected a number with ms, s, m (or min) or h, e.g. 9m or 540s");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double seconds = switch (unit) {
            case "ms" -> value / 1000;
            case "m", "min" -> value * 60;
            case "h" -> value * 3600;
            default -> value;
        };
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
