package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.Durations;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * The training progress of {@link Train}: step, smoothed loss, steps/s and an ETA. On a terminal it is one line
 * redrawn in place (carriage return, at most every {@value #REDRAW_MILLIS} ms); otherwise (a pipe, a file, Maven)
 * it prints a plain line every tenth of the run or every {@value #PLAIN_EVERY_SECONDS} s, whichever comes first.
 *
 * <p>The rate is that of the last {@value #WINDOW_SECONDS} s (a window of (step, time) samples), not the mean
 * since the start: the first steps run in the interpreter and would make the ETA too pessimistic for the rest of
 * the run, and a machine that slows down shows up in the ETA within seconds.
 */
final class ProgressBar {
    static final long REDRAW_MILLIS = 200;
    static final long PLAIN_EVERY_SECONDS = 30;
    static final double WINDOW_SECONDS = 5;
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final long firstStep;
    private final long startNanos;
    private final ArrayDeque<long[]> window = new ArrayDeque<>(); // {step, nanos}
    private long nextDrawNanos; //  terminal: next redraw; plain: next line even if no tenth was crossed
    private long lastPlainTenth; // no line at 0%: the rate is not known yet
    private int lastWidth;

    /**
     * @param terminal  whether {@code out} is a console (redraw one line) or not (plain lines)
     * @param firstStep the run's step count before this progress starts (0 for a new run)
     * @param total     the step count at which the run ends
     */
    ProgressBar(PrintStream out, boolean terminal, long firstStep, long total, long nowNanos) {
        this.out = out;
        this.terminal = terminal;
        this.firstStep = firstStep;
        this.total = total;
        this.startNanos = nowNanos;
        this.nextDrawNanos = terminal ? nowNanos : nowNanos + PLAIN_EVERY_SECONDS * 1_000_000_000L;
        window.add(new long[] {firstStep, nowNanos});
    }

    /** Records that {@code step} is done, and draws when it is time to. */
    void update(long step, double smoothedLoss, long nowNanos) {
        window.add(new long[] {step, nowNanos});
        while (window.size() > 2 && (nowNanos - window.peekFirst()[1]) / 1e9 > WINDOW_SECONDS) {
            window.removeFirst();
        }
        boolean last = step >= total;
        if (terminal) {
            if (last || nowNanos >= nextDrawNanos) {
                nextDrawNanos = nowNanos + REDRAW_MILLIS * 1_000_000;
                String line = line(step, total, smoothedLoss, rate(), eta(step));
                // pad over a longer previous line, then return to the start of the line
                out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
                lastWidth = line.length();
                if (last) {
                    out.println();
                }
                out.flush();
            }
        } else {
            long tenth = (step - firstStep) * 10 / Math.max(1, total - firstStep);
            if (last || tenth > lastPlainTenth || nowNanos >= nextDrawNanos) {
                lastPlainTenth = tenth;
                nextDrawNanos = nowNanos + PLAIN_EVERY_SECONDS * 1_000_000_000L;
                out.println(plainLine(step, total, smoothedLoss, rate(), eta(step)));
            }
        }
    }

    /** Prints a message on its own line (a sample, a checkpoint note) without garbling the bar. */
    void message(String text) {
        if (terminal && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
            nextDrawNanos = Long.MIN_VALUE; // redraw the bar at the next update
        }
        out.println(text);
        out.flush();
    }

    /** Steps per second over the window; NaN before two samples a measurable time apart. */
    double rate() {
        long[] first = window.peekFirst();
        long[] last = window.peekLast();
        double seconds = (last[1] - first[1]) / 1e9;
        return seconds > 0 ? (last[0] - first[0]) / seconds : Double.NaN;
    }

    /** Seconds to {@code total} at the recent rate; NaN when the rate is unknown. */
    double eta(long step) {
        double rate = rate();
        return rate > 0 ? (total - step) / rate : Double.NaN;
    }

    /** Wall time since the bar started. */
    Duration elapsed(long nowNanos) {
        return Duration.ofNanos(nowNanos - startNanos);
    }

    /** {@code [#########---------------]  37%  step 7,400/20,000  loss 52.314  1,234 steps/s  ETA 10 s}. */
    static String line(long step, long total, double smoothedLoss, double stepsPerSecond, double etaSeconds) {
        int filled = (int) Math.round(fraction(step, total) * BAR_WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%  ", percent(step, total)) + fields(step, total, smoothedLoss,
                stepsPerSecond, etaSeconds);
    }

    /** {@code 37%  step 7,400/20,000  loss 52.314  1,234 steps/s  ETA 10 s}: the line for logs. */
    static String plainLine(long step, long total, double smoothedLoss, double stepsPerSecond, double etaSeconds) {
        return String.format(Locale.ROOT, "%d%%  ", percent(step, total)) + fields(step, total, smoothedLoss,
                stepsPerSecond, etaSeconds);
    }

    private static double fraction(long step, long total) {
        return total > 0 ? Math.min(1, step / (double) total) : 1;
    }

    private static int percent(long step, long total) {
        return (int) Math.floor(100 * fraction(step, total));
    }

    private static String fields(long step, long total, double smoothedLoss, double stepsPerSecond, double etaSeconds) {
        return String.format(Locale.ROOT, "step %,d/%,d  loss %.3f  %s steps/s  ETA %s", step, total, smoothedLoss,
                Double.isFinite(stepsPerSecond) ? String.format(Locale.ROOT, "%,.0f", stepsPerSecond) : "–",
                step >= total ? "0 s" : duration(etaSeconds));
    }

    /** As the grid runner writes time left ({@link io.rnnbench.benchmarks.Durations}): "45 s", "3 min 5 s"; "–" when unknown. */
    static String duration(double seconds) {
        return Double.isFinite(seconds) && seconds >= 0 ? Durations.minutesAndSeconds(Duration.ofSeconds(Math.round(seconds))) : "–";
    }
}
