package io.rnnbench.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a network: {@code layers} stacked cells of hidden size H over inputs of width X, and a head
 * with V outputs. Layer 0 reads the input; layer l reads layer l−1's output.
 *
 * <p>Two optional extensions keep the six-argument constructor valid (it means {@link Activation#TANH}, no
 * embedding): the RNN's hidden {@code activation} ({@link #withActivation}), and an {@code embeddingSize} D &gt; 0
 * ({@link #withEmbedding}): a learned table E [X, D] whose rows, gathered by the one-hot input indices, are layer 0's
 * dense input, so layer 0's W_x is [D, G]. D = 0 means none (one-hot input gathers rows of W_x directly).
 *
 * @param cell       the cell of every layer
 * @param inputSize  X, the input width (vocabulary size for one-hot input)
 * @param hiddenSize H
 * @param layers     number of stacked layers, ≥ 1
 * @param outputSize V
 * @param head       the output head and its loss
 * @param activation the RNN hidden activation; {@link Activation#TANH} for an LSTM
 * @param embeddingSize D ≥ 1 for a learned embedding table E [X, D] before layer 0, or 0 for none
 */
public record ModelConfig(CellType cell, int inputSize, int hiddenSize, int layers, int outputSize, HeadType head,
                          Activation activation, int embeddingSize) {

    public ModelConfig {
        if (cell == null || head == null || activation == null) {
            throw new IllegalArgumentException("cell, head and activation must be given, got cell=" + cell + ", head=" + head
                    + ", activation=" + activation);
        }
        requirePositive("inputSize", inputSize);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("layers", layers);
        requirePositive("outputSize", outputSize);
        if (embeddingSize < 0) {
            throw new IllegalArgumentException("embeddingSize must be ≥ 1, or 0 for no embedding, got " + embeddingSize);
        }
        if (cell == CellType.LSTM && activation != Activation.TANH) {
            throw new IllegalArgumentException("an LSTM's activations are fixed (σ gates, tanh cell); activation must be TANH, got "
                    + activation);
        }
    }

    /** The classic shape: tanh RNN (or LSTM), no embedding. */
    public ModelConfig(CellType cell, int inputSize, int hiddenSize, int layers, int outputSize, HeadType head) {
        this(cell, inputSize, hiddenSize, layers, outputSize, head, Activation.TANH, 0);
    }

    /** This config with the RNN hidden activation {@code activation}. */
    public ModelConfig withActivation(Activation activation) {
        return new ModelConfig(cell, inputSize, hiddenSize, layers, outputSize, head, activation, embeddingSize);
    }

    /** This config with a learned embedding table E [X, D] before layer 0 (D = 0: none). */
    public ModelConfig withEmbedding(int embeddingSize) {
        return new ModelConfig(cell, inputSize, hiddenSize, layers, outputSize, head, activation, embeddingSize);
    }

    /** Whether inputs pass through a learned embedding table. */
    public boolean hasEmbedding() {
        return embeddingSize > 0;
    }

    /** The input width of layer l: X for layer 0 (D with an embedding), H above. */
    public int layerInputSize(int layer) {
        return layer == 0 ? (hasEmbedding() ? embeddingSize : inputSize) : hiddenSize;
    }

    /** G, the fused gate width: H for RNN, 4H for LSTM. */
    public int gateWidth() {
        return cell.gates() * hiddenSize;
    }

    /**
     * The trained matrices of a network of this shape, in {@link Network#parameters()}'s order: the embedding table
     * E [X, D] (if any), then per layer l W_x [X_l, G], W_h [H, G], b [1, G], then the head's W_y [H, V] and b_y [1, V].
     */
    public List<ParameterShape> parameterShapes() {
        List<ParameterShape> shapes = new ArrayList<>();
        int g = gateWidth();
        if (hasEmbedding()) {
            shapes.add(new ParameterShape(Network.EMBEDDING, inputSize, embeddingSize)); //    [X, D]
        }
        for (int l = 0; l < layers; l++) {
            shapes.add(new ParameterShape("layer" + l + ".wX", layerInputSize(l), g)); //   [X_l, G]
            shapes.add(new ParameterShape("layer" + l + ".wH", hiddenSize, g)); //          [H, G]
            shapes.add(new ParameterShape("layer" + l + ".b", 1, g)); //                    [1, G]
        }
        shapes.add(new ParameterShape("head.wY", hiddenSize, outputSize)); //               [H, V]
        shapes.add(new ParameterShape("head.bY", 1, outputSize)); //                        [1, V]
        return shapes;
    }

    /** The number of trained values, Σ rows·cols over {@link #parameterShapes()}. */
    public long parameterCount() {
        return parameterShapes().stream().mapToLong(ParameterShape::size).sum();
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be ≥ 1, got " + value);
        }
    }
}
