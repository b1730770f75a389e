/** Exact FLOP counts per benchmark operation, so that reports can state GFLOP/s. */
package io.rnnbench.benchmarks.flops;
