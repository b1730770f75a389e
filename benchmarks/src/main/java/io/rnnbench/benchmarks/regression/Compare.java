package io.rnnbench.benchmarks.regression;

import io.rnnbench.workloads.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a baseline and a candidate JMH JSON result (with per-fork raw data) and decides, per benchmark and
 * parameter point, whether the candidate is slower, faster, the same or undecided, and whether it allocates more
 * (the rules: {@link Comparison}).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.rnnbench.benchmarks.regression.Compare
 * --baseline a.json --candidate b.json [--threshold 0.10] [--alpha 0.01] [--alloc-threshold 0.05]
 * [--alloc-bytes 64] [--ruler-tolerance 0.03] [--time-blocking true|false] [--ignore-param backend]…
 * [--baseline-env env.json] [--candidate-env env.json] [--markdown out.md] [--json verdict.json]}. The Markdown
 * table always goes to standard output too.
 *
 * <p>Exit codes: 0 no blocking regression; 1 a blocking regression (allocation; or time "slower" on the same
 * hardware unless {@code --time-blocking false}); 2 bad usage or bad input (the message names the file and point).
 */
public final class Compare {
    /** No blocking regression. */
    public static final int OK = 0;
    /** A blocking regression. */
    public static final int REGRESSION = 1;
    /** Bad usage or input. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = "usage: Compare --baseline a.json --candidate b.json [--threshold 0.10] [--alpha 0.01] "
            + "[--alloc-threshold 0.05] [--alloc-bytes 64] [--ruler-tolerance 0.03] [--time-blocking true|false] "
            + "[--ignore-param NAME]... [--baseline-env env.json] [--candidate-env env.json] [--markdown out.md] [--json verdict.json]";

    private Compare() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The command without {@code System.exit}: returns the exit code. */
    static int run(String[] args) {
        Set<String> known = new HashSet<>(List.of("baseline", "candidate", "ignore-param", "baseline-env",
                "candidate-env", "markdown", "json"));
        known.addAll(Options.THRESHOLD_OPTIONS);
        Comparison comparison;
        Options o;
        try {
            o = Options.parse(args, known, Set.of());
            Thresholds thresholds = o.thresholds();
            ResultPoints baseline = ResultPoints.read(Path.of(o.required("baseline")), env(o.get("baseline-env", null)));
            ResultPoints candidate = ResultPoints.read(Path.of(o.required("candidate")), env(o.get("candidate-env", null)));
            comparison = Comparison.of(baseline, candidate, thresholds, o.all("ignore-param"));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("compare: " + e.getMessage());
            System.err.println(USAGE_TEXT);
            return USAGE;
        }
        return report(comparison, o.get("markdown", null), o.get("json", null));
    }

    /** Prints the Markdown, writes the requested files atomically, and returns the exit code. */
    static int report(Comparison comparison, String markdownFile, String jsonFile) {
        String markdown = VerdictReport.markdown(comparison);
        System.out.println(markdown);
        try {
            if (markdownFile != null) {
                AtomicFiles.writeString(Path.of(markdownFile), markdown);
            }
            if (jsonFile != null) {
                AtomicFiles.writeString(Path.of(jsonFile), VerdictReport.json(comparison));
            }
        } catch (IOException e) {
            System.err.println("compare: cannot write the verdict: " + e.getMessage());
            return USAGE;
        }
        return comparison.blocking() ? REGRESSION : OK;
    }

    private static Path env(String file) {
        return file == null ? null : Path.of(file);
    }
}
