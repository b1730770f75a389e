package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.workloads.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Turns a JMH JSON result file into the Markdown report, the charts and a console summary.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.rnnbench.benchmarks.report.WriteReport
 * [results.json [output-dir]]}, by default {@code target/jmh-result.json} and {@code target}. Reads
 * {@code jmh-environment.json} beside the results when the runner wrote one. Writes
 * {@code <output-dir>/benchmark-report.md} and {@code <output-dir>/charts/<shape>.png}, each atomically.
 */
public final class WriteReport {
    /** The report's file name. */
    public static final String REPORT = "benchmark-report.md";

    private WriteReport() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (args.length > 2) {
            System.err.println("usage: WriteReport [results.json [output-dir]]");
            System.exit(2);
        }
        Path results = Path.of(args.length > 0 ? args[0] : "target/jmh-result.json");
        Path outputDir = Path.of(args.length > 1 ? args[1] : "target");
        write(results, outputDir, System.out);
    }

    /** Reads {@code results} and writes the report and charts into {@code outputDir}; prints the summary. */
    public static Report write(Path results, Path outputDir, PrintStream console) throws IOException {
        if (!Files.isReadable(results)) {
            throw new IllegalArgumentException("no result file at " + results.toAbsolutePath()
                    + ": run the benchmarks first (mvn -pl benchmarks verify)");
        }
        Path environmentFile = results.resolveSibling(RunFiles.ENVIRONMENT);
        Environment environment = Files.isReadable(environmentFile) ? Environment.read(environmentFile) : null;
        Report report = Report.of(BenchmarkResults.of(JmhResults.read(results)), environment);
        Set<String> charts = Charts.write(report, outputDir);
        Path markdown = outputDir.resolve(REPORT);
        AtomicFiles.writeString(markdown, MarkdownReport.render(report, charts));
        ConsoleSummary.print(report, console);
        console.println("Report: " + markdown.toAbsolutePath());
        console.println("Charts: " + outputDir.resolve("charts").toAbsolutePath() + " (" + String.join(", ", charts) + ")");
        return report;
    }
}
