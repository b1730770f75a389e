/**
 * rnnbench's core: recurrent networks written once over the {@link io.rnnbench.core.spi.Backend} SPI.
 *
 * <h2>Symbols</h2>
 * Used in every shape comment ({@code // [B, 4H]}) and javadoc of the core:
 * <ul>
 *   <li>B: batch size (rows of every per-step matrix; layout is batch-major, {@code x_t} is {@code [B, X]});</li>
 *   <li>T: timesteps in a sequence or truncated-BPTT chunk; sequence matrices stack the steps as
 *       {@code [T·B, n]}, step t occupying rows {@code t·B .. t·B+B−1};</li>
 *   <li>X: input width (the vocabulary size for one-hot input), H: hidden size, V: output size;</li>
 *   <li>G: the fused gate width of a cell, H for the RNN and 4H for the LSTM (gate blocks i | f | g | o).</li>
 * </ul>
 * Packages: {@code spi} (the backend contract and registry), {@code model} (cells, layers, heads, losses),
 * {@code train} (the trainer, clipping, optimizers, truncated BPTT), {@code random} (seeded generators, one of
 * them NumPy's legacy stream), {@code shape} (shape checks), {@code arrays} (helpers for
 * {@code double[]} backends), {@code probe} (allocation counting for harnesses). The seeds' tasks, corpora and
 * checkpoints live in the {@code rnnbench-workloads} module, not here.
 */
package io.rnnbench.core;
