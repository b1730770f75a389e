/**
 * From JMH's results to advice: the report's reading of a result file ({@link io.rnnbench.benchmarks.report.BenchmarkResults},
 * over {@link io.rnnbench.benchmarks.results.JmhResults}), ranking with the 99.9%-interval noise rule, the Markdown
 * report, the PNG charts and the console summary ({@code rnnbench report}). All files are written atomically.
 */
package io.rnnbench.benchmarks.report;
