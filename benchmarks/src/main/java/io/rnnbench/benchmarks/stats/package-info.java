/**
 * Rank statistics shared by the benchmark report (is a backend within noise of the fastest?) and the regression
 * gate (is the candidate slower?): the exact Mann–Whitney U test and the Hodges–Lehmann shift with its interval.
 */
package io.rnnbench.benchmarks.stats;
