/**
 * Harness tools that look at the JVM rather than the model: {@link io.rnnbench.core.probe.AllocationProbe}
 * counts the bytes a call allocates, for the benchmarks' compiled-start wait and the allocation-free tests.
 */
package io.rnnbench.core.probe;
