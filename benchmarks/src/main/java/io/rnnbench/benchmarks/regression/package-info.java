/**
 * Regression tracking: {@link io.rnnbench.benchmarks.regression.Compare} ({@code rnnbench compare}) decides, per
 * benchmark and parameter point, whether a candidate result is slower, faster, the same or undecided against a
 * baseline (rank statistics on per-fork scores, {@link io.rnnbench.benchmarks.regression.Comparison}), and whether it
 * allocates more; {@link io.rnnbench.benchmarks.regression.AbCommand} ({@code rnnbench ab}) measures both jars in one
 * job, interleaved fork by fork ({@link io.rnnbench.benchmarks.regression.InterleavedForks}), with ruler benchmarks
 * that tell when the machine moved. Exit codes: 0 no blocking regression, 1 a blocking regression, 2 bad usage or
 * input.
 */
package io.rnnbench.benchmarks.regression;
