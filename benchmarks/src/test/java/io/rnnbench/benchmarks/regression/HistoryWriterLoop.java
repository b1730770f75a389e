package io.rnnbench.benchmarks.regression;

import java.nio.file.Path;

/**
 * The process {@link HistoryCrashTest} kills: keeps the result file named by its second argument in the history
 * directory named by its first, as run r1, r2, r3, … forever, printing "kept N" after each record has returned.
 */
public final class HistoryWriterLoop {
    private HistoryWriterLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path history = Path.of(args[0]);
        Path result = Path.of(args[1]);
        for (long run = 1; ; run++) {
            History.record(history, result, SyntheticRuns.MACHINE, "r" + run);
            System.out.println("kept " + run);
            System.out.flush();
        }
    }
}
