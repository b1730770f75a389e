package io.rnnbench.benchmarks.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theLineShowsBarStepLossRateAndEta() {
        assertEquals("[#########---------------]  37%  step 7,400/20,000  loss 52.314  1,234 steps/s  ETA 10 s",
                ProgressBar.line(7_400, 20_000, 52.3141, 1234.4, 10.2));
        assertEquals("[########################] 100%  step 20,000/20,000  loss 40.000  900 steps/s  ETA 0 s",
                ProgressBar.line(20_000, 20_000, 40, 900, 0));
        assertEquals("37%  step 7,400/20,000  loss 52.314  – steps/s  ETA –",
                ProgressBar.plainLine(7_400, 20_000, 52.3141, Double.NaN, Double.NaN));
    }

    @Test
    void durationsAreWrittenAsTheGridRunnerWritesThem() {
        assertEquals("45 s", ProgressBar.duration(44.6));
        assertEquals("3 min 5 s", ProgressBar.duration(185));
        assertEquals("–", ProgressBar.duration(Double.NaN));
    }

    @Test
    void theEtaComesFromTheRecentRateNotTheMeanSinceTheStart() {
        ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), false, 0, 10_000, 0);
        bar.update(100, 50, 10 * SECOND); //  slow start: 10 steps/s
        for (int s = 11; s <= 20; s++) {
            bar.update(100 + (s - 10) * 1000L, 50, s * SECOND); // then 1,000 steps/s
        }
        assertEquals(1000, bar.rate(), 1e-9, "the window holds only the last " + ProgressBar.WINDOW_SECONDS + " s");
        assertEquals(5.0, bar.eta(5_000), 1e-9);
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndEndsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 0, 3, 0);
        bar.update(1, 10, SECOND);
        bar.update(2, 9, 2 * SECOND);
        bar.message("a sample");
        bar.update(3, 8, 3 * SECOND);
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(out.startsWith("\r["), out);
        assertTrue(out.contains("\r" + " ".repeat(10)), "a message first clears the bar: " + out);
        assertTrue(out.contains("a sample" + System.lineSeparator() + "\r["), out);
        assertTrue(out.endsWith("ETA 0 s" + System.lineSeparator()), out);
    }

    @Test
    void withoutATerminalItPrintsPlainLinesAtEveryTenth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0, 1000, 0);
        for (int step = 1; step <= 1000; step++) {
            bar.update(step, 5, step * SECOND / 1000);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertFalse(out.contains("\r"), out);
        assertEquals(10, out.lines().count(), out);
        assertTrue(out.lines().allMatch(l -> l.matches("\\d+%  step [\\d,]+/1,000  loss 5\\.000  [\\d,]+ steps/s  ETA .*")), out);
    }
}
