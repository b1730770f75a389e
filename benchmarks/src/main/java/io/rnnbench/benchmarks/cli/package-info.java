/**
 * Command-line entry points: {@link io.rnnbench.benchmarks.cli.RunBenchmarks} (the grid, as {@code mvn -pl benchmarks
 * verify} runs it) and {@link io.rnnbench.benchmarks.cli.Advise} (a short measurement on one custom shape).
 */
package io.rnnbench.benchmarks.cli;
