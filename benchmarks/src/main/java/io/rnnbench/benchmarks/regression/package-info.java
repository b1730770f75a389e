/**
 * Regression tracking: {@link io.rnnbench.benchmarks.regression.Compare} decides, per benchmark and parameter point,
 * whether a candidate result is slower, faster, the same or undecided against a baseline (rank statistics on
 * per-fork scores, {@link io.rnnbench.benchmarks.regression.Comparison}), and whether it allocates more;
 * {@link io.rnnbench.benchmarks.regression.Ab} measures both jars in one job, interleaved fork by fork, with ruler
 * benchmarks that tell when the machine moved. Exit codes: 0 no blocking regression, 1 a blocking regression,
 * 2 bad usage or input.
 */
package io.rnnbench.benchmarks.regression;
