package io.rnnbench.core.model;

/**
 * The hidden activation φ of a vanilla RNN layer, {@code h_t = φ(x_t·W_x + h_{t−1}·W_h + b)}. The LSTM's gate and
 * cell activations are fixed by its equations; an LSTM config only accepts {@link #TANH}.
 */
public enum Activation {
    /** φ = tanh; backward dZ = dh ⊙ (1 − h²). The default (Elman, min-char-rnn). */
    TANH,
    /** φ = σ; backward dZ = dh ⊙ h ⊙ (1 − h). Trask's binary-addition RNN. */
    SIGMOID,
    /** φ = identity; backward dZ = dh. The linear SRN worked by hand (seed 004 §1). */
    IDENTITY
}
