package io.rnnbench.benchmarks;

import java.time.Duration;

/** How the commands' progress lines write a wall time. */
public final class Durations {
    private Durations() {
    }

    /** "42 s", or "3 min 5 s" from a minute on (whole seconds, rounded down). */
    public static String minutesAndSeconds(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }
}
