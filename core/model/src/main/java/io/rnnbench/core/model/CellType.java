package io.rnnbench.core.model;

/** The recurrent cell of every layer of a network. */
public enum CellType {
    /** Vanilla (Elman) RNN: {@code h_t = tanh(x_t·W_x + h_{t−1}·W_h + b)}; G = H. */
    RNN(1),
    /**
     * LSTM with one fused gate weight, gate blocks in PyTorch's order i, f, g, o; G = 4H:
     * <pre>
     * [i | f | g | o] = [σ | σ | tanh | σ](x_t·W_x + h_{t−1}·W_h + b)
     * c_t = f ⊙ c_{t−1} + i ⊙ g
     * h_t = o ⊙ tanh(c_t)
     * </pre>
     * (Hochreiter &amp; Schmidhuber 1997, with the forget gate of Gers et al. 2000; no peepholes.)
     */
    LSTM(4);

    private final int gates;

    CellType(int gates) {
        this.gates = gates;
    }

    /** Number of H-wide gate blocks in the fused weight: 1 for RNN, 4 for LSTM. */
    public int gates() {
        return gates;
    }

    /** Whether the cell carries a memory cell c besides h. */
    public boolean hasCellState() {
        return this == LSTM;
    }
}
