package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.workloads.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rnnbench history}: the trend of every benchmark point over the results kept with {@code ab --history}
 * ({@link History}): per machine and JVM, a Markdown table of where each series stepped and by how much
 * ({@link HistoryReport}), and one PNG per series ({@link HistoryChart}).
 */
@Command(name = "history", description = "Finds where each benchmark's kept results stepped (change points), per machine and JVM.")
public final class HistoryCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The history directory (ab --history DIR).")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/history",
            description = "Where history.md and the charts go (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.02", description = "Significance of a change point (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--permutations", paramLabel = "N", defaultValue = "499", description = "Permutations per test (default ${DEFAULT-VALUE}).")
    int permutations;

    @Option(names = "--min-level", paramLabel = "N", defaultValue = "3", description = "Fewest runs a level may have (default ${DEFAULT-VALUE}).")
    int minLevel;

    @Override
    public Integer call() throws IOException {
        HistoryReport.Settings settings = new HistoryReport.Settings(alpha, permutations, minLevel);
        HistoryReport report = HistoryReport.of(History.runs(dir), settings);
        System.setProperty("java.awt.headless", "true");
        Map<String, Map<String, String>> charts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, HistoryReport.Series>> machine : report.machines().entrySet()) {
            Map<String, String> files = new LinkedHashMap<>();
            int n = 0;
            for (HistoryReport.Series series : machine.getValue().values()) {
                String file = "charts/" + History.slug(machine.getKey()) + "/" + String.format("%03d", ++n) + "_"
                        + History.slug(series.key().replaceAll("^.*\\.([^.]+\\.[^.]+ )", "$1")) + ".png";
                AtomicFiles.write(out.resolve(file), HistoryChart.png(series));
                files.put(series.key(), file);
            }
            charts.put(machine.getKey(), files);
        }
        String markdown = report.markdown(settings, charts);
        AtomicFiles.writeString(out.resolve("history.md"), markdown);
        System.out.println(markdown);
        System.out.println("[history] " + out.resolve("history.md"));
        return ExitStatus.OK;
    }
}
