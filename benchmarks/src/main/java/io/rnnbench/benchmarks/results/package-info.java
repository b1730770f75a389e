/**
 * JMH's JSON result format, read in one place ({@link io.rnnbench.benchmarks.results.JmhResults}) for the report, the
 * regression comparison and the advice.
 */
package io.rnnbench.benchmarks.results;
