package io.rnnbench.core.model;

/**
 * The shape of a network: {@code layers} stacked cells of hidden size H over inputs of width X, and a head
 * with V outputs. Layer 0 reads the input; layer l reads layer l−1's output.
 *
 * @param cell       the cell of every layer
 * @param inputSize  X, the input width (vocabulary size for one-hot input)
 * @param hiddenSize H
 * @param layers     number of stacked layers, ≥ 1
 * @param outputSize V
 * @param head       the output head and its loss
 */
public record ModelConfig(CellType cell, int inputSize, int hiddenSize, int layers, int outputSize, HeadType head) {

    public ModelConfig {
        if (cell == null || head == null) {
            throw new IllegalArgumentException("cell and head must be given, got cell=" + cell + ", head=" + head);
        }
        requirePositive("inputSize", inputSize);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("layers", layers);
        requirePositive("outputSize", outputSize);
    }

    /** The input width of layer l: X for layer 0, H above. */
    public int layerInputSize(int layer) {
        return layer == 0 ? inputSize : hiddenSize;
    }

    /** G, the fused gate width: H for RNN, 4H for LSTM. */
    public int gateWidth() {
        return cell.gates() * hiddenSize;
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be ≥ 1, got " + value);
        }
    }
}
