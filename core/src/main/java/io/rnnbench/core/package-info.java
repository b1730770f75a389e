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
 * Packages: {@code spi} (the backend SPI and registry), {@code model} (cells, layers, heads, losses),
 * {@code train} (clipping, optimizers, truncated BPTT), {@code data} (vocabulary, corpus, sampling),
 * {@code random} (seeded generators, one of them NumPy's legacy stream).
 */
package io.rnnbench.core;
