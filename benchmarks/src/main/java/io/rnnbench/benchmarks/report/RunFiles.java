package io.rnnbench.benchmarks.report;

/** Names of the files a benchmark run leaves in its output directory. */
public final class RunFiles {
    /** JMH's JSON results. */
    public static final String RESULTS = "jmh-result.json";
    /** The machine description written beside them. */
    public static final String ENVIRONMENT = "jmh-environment.json";

    private RunFiles() {
    }
}
