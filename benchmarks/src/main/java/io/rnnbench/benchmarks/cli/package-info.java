/**
 * The rnnbench command line ({@link io.rnnbench.benchmarks.cli.Rnnbench}, picocli): one entry point whose
 * subcommands are {@code run} (the grid, as {@code mvn -pl benchmarks verify} runs it), {@code advise} (a short
 * measurement on one custom shape), {@code train} and {@code sample} (the workloads, for people), and, from their
 * own packages, {@code report}, {@code compare} and {@code ab}.
 */
package io.rnnbench.benchmarks.cli;
