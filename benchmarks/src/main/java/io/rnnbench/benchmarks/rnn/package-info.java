/**
 * The four JMH benchmarks (cell step, forward, backward, training step) over backend × cell × shape, their shared
 * {@link io.rnnbench.benchmarks.rnn.RnnFixture} and the agreement check that runs before any timing.
 */
package io.rnnbench.benchmarks.rnn;
