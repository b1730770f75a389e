/**
 * Running a grid: interleaved forks with adaptive repeats within a time budget
 * ({@link io.rnnbench.benchmarks.run.ForkScheduler}, for {@code rnnbench run} and {@code rnnbench ab}), one fork at a
 * time ({@link io.rnnbench.benchmarks.run.ForkRunner}; {@link io.rnnbench.benchmarks.run.JmhForkRunner} in this JVM),
 * and the shards of a grid: what a shard ran ({@link io.rnnbench.benchmarks.run.ShardManifest}) and how shards are
 * joined ({@link io.rnnbench.benchmarks.run.ShardMerge}, {@code rnnbench merge}).
 */
package io.rnnbench.benchmarks.run;
