package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.workloads.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rnnbench compare}: compares a baseline and a candidate JMH JSON result (with per-fork raw data) and decides,
 * per benchmark and parameter point, whether the candidate is slower, faster, the same or undecided, and whether it
 * allocates more (the rules: {@link Comparison}). The Markdown table always goes to standard output too.
 *
 * <p>Exit codes: 0 no blocking regression; 1 a blocking regression (allocation; or time "slower" on the same
 * hardware unless {@code --time-blocking false}); 2 bad usage or bad input (the message names the file and point).
 */
@Command(name = "compare", description = "Compares a baseline and a candidate JMH result: slower, faster, same or unknown per point; more allocation.")
public final class Compare implements Callable<Integer> {

    @Option(names = "--baseline", required = true, paramLabel = "A.json", description = "The baseline's JMH JSON result (-rf json).")
    Path baseline;

    @Option(names = "--candidate", required = true, paramLabel = "B.json", description = "The candidate's JMH JSON result.")
    Path candidate;

    @Mixin
    ThresholdOptions thresholds;

    @Option(names = "--ignore-param", paramLabel = "NAME", description = "Leave this parameter out of the points' keys (repeatable).")
    List<String> ignoredParams = new ArrayList<>();

    @Option(names = "--baseline-env", paramLabel = "env.json", description = "The baseline's machine (default: jmh-environment.json beside it).")
    Path baselineEnvironment;

    @Option(names = "--candidate-env", paramLabel = "env.json", description = "The candidate's machine (default: jmh-environment.json beside it).")
    Path candidateEnvironment;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the Markdown table here.")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the verdicts as JSON here.")
    Path json;

    @Override
    public Integer call() throws IOException {
        Comparison comparison = Comparison.of(ResultPoints.read(baseline, baselineEnvironment),
                ResultPoints.read(candidate, candidateEnvironment), thresholds.thresholds(), ignoredParams);
        return report(comparison, markdown, json);
    }

    /** Prints the Markdown, writes the requested files atomically, and returns the exit code. */
    static int report(Comparison comparison, Path markdownFile, Path jsonFile) {
        String markdown = VerdictReport.markdown(comparison);
        System.out.println(markdown);
        try {
            if (markdownFile != null) {
                AtomicFiles.writeString(markdownFile, markdown);
            }
            if (jsonFile != null) {
                AtomicFiles.writeString(jsonFile, VerdictReport.json(comparison));
            }
        } catch (IOException e) {
            System.err.println("compare: cannot write the verdict: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        return comparison.blocking() ? ExitStatus.FAILED : ExitStatus.OK;
    }
}
