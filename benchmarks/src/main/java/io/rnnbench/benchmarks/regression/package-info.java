/**
 * Regression tracking: {@link io.rnnbench.benchmarks.regression.Compare} ({@code rnnbench compare}) decides, per
 * benchmark and parameter point, whether a candidate result is slower, faster, the same or undecided against a
 * baseline (rank statistics on per-fork scores, {@link io.rnnbench.benchmarks.regression.Comparison}), and whether it
 * allocates more; {@link io.rnnbench.benchmarks.regression.AbCommand} ({@code rnnbench ab}) measures both jars in one
 * job, one fork of one point per jar invocation ({@link io.rnnbench.benchmarks.regression.JarForkRunner}), the two
 * sides interleaved and given extra forks by the grid's scheduler ({@link io.rnnbench.benchmarks.run.ForkScheduler}),
 * with ruler benchmarks that tell when the machine moved. Exit codes: 0 no blocking regression, 1 a blocking regression, 2 bad usage or
 * input.
 */
package io.rnnbench.benchmarks.regression;
