package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.workloads.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code rnnbench report [results.json [output-dir]]}: turns a JMH JSON result file into the Markdown report, the
 * charts and a console summary; by default {@code target/jmh-result.json} and {@code target}. Reads
 * {@code jmh-environment.json} beside the results when the runner wrote one. Writes
 * {@code <output-dir>/benchmark-report.md} and {@code <output-dir>/charts/<shape>.png}, each atomically.
 */
@Command(name = "report", description = "Writes the Markdown report and the charts of a JMH result file, and prints a summary.")
public final class WriteReport implements Callable<Integer> {
    /** The report's file name. */
    public static final String REPORT = "benchmark-report.md";

    @Parameters(index = "0", arity = "0..1", paramLabel = "RESULTS", defaultValue = "target/" + RunFiles.RESULTS,
            description = "JMH's JSON results (default ${DEFAULT-VALUE}).")
    Path results;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUTPUT-DIR", defaultValue = "target",
            description = "Where the report and charts go (default ${DEFAULT-VALUE}).")
    Path outputDir;

    @Override
    public Integer call() throws IOException {
        System.setProperty("java.awt.headless", "true");
        write(results, outputDir, System.out);
        return ExitStatus.OK;
    }

    /** Reads {@code results} and writes the report and charts into {@code outputDir}; prints the summary. */
    public static Report write(Path results, Path outputDir, PrintStream console) throws IOException {
        return write(results, outputDir, console, List.of());
    }

    /**
     * As {@link #write(Path, Path, PrintStream)}, with {@code banners} (Markdown, one paragraph each) at the top of the
     * report and of the summary: what the caller knows qualifies every figure, e.g. shards from different machines.
     */
    public static Report write(Path results, Path outputDir, PrintStream console, List<String> banners) throws IOException {
        if (!Files.isReadable(results)) {
            throw new IllegalArgumentException("no result file at " + results.toAbsolutePath()
                    + ": run the benchmarks first (mvn -pl benchmarks verify)");
        }
        Path environmentFile = results.resolveSibling(RunFiles.ENVIRONMENT);
        Environment environment = Files.isReadable(environmentFile) ? Environment.read(environmentFile) : null;
        Report report = Report.of(BenchmarkResults.of(JmhResults.read(results)), environment);
        Set<String> charts = Charts.write(report, outputDir);
        Path markdown = outputDir.resolve(REPORT);
        AtomicFiles.writeString(markdown, MarkdownReport.render(report, charts, banners));
        banners.forEach(b -> console.println(b.replace("**", "")));
        ConsoleSummary.print(report, console);
        console.println("Report: " + markdown.toAbsolutePath());
        console.println("Charts: " + outputDir.resolve("charts").toAbsolutePath() + " (" + String.join(", ", charts) + ")");
        return report;
    }
}
