/**
 * Ruler benchmarks: pure-JDK kernels that no project change can speed up or slow down, measured in every round of an
 * A/B run ({@code rnnbench ab}, {@link io.rnnbench.benchmarks.regression.AbCommand}). If a ruler moves between A and B, the machine changed
 * under the run, and the run's time verdicts are withheld.
 */
package io.rnnbench.benchmarks.ruler;
