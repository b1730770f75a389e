/**
 * Time to quality: whole training runs timed per backend in JMH's single-shot mode
 * ({@link io.rnnbench.benchmarks.quality.TimeToQualityBenchmark}): {@code dinos} to a smoothed-loss target and
 * {@code shakespeare} for a fixed number of steps. Run with {@code -Pquality} (or {@code -Pfull}); the report shows a
 * table per workload when the results hold them.
 */
package io.rnnbench.benchmarks.quality;
