package io.rnnbench.benchmarks.gemm;

import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.spi.Transpose;

import java.util.List;

/**
 * One GEMM of the kernel benchmark, C = op(A)·op(B) with op(A) {@code [m, k]}, op(B) {@code [k, n]} and C
 * {@code [m, n]}: square products, and the three products of an LSTM layer ({@code core.model.Layer}, gate width
 * G = 4H) on the {@code medium} and {@code large} presets, and the per-step product of {@code char} (batch 1) (B batch, H hidden, T steps; {@link Shape}):
 * <pre>
 * square-256              A·B                 [256, 256]·[256, 256]        NN
 * square-512              A·B                 [512, 512]·[512, 512]        NN
 * medium-recurrent        h_{t−1}·W_h         [32, 256]·[256, 1024]        NN  [B, H]·[H, G], every step forward
 * medium-backward         dZ_t·(W_hᵀ)         [32, 1024]·[1024, 256]       NN  [B, G]·[G, H], every step of BPTT
 * medium-weight-gradient  H_prevᵀ·dZ          [1600, 256]ᵀ·[1600, 1024]    TN  [T·B, H]ᵀ·[T·B, G], once per BPTT
 * large-recurrent         h_{t−1}·W_h         [64, 512]·[512, 2048]        NN  [B, H]·[H, G]
 * char-recurrent          h_{t−1}·W_h         [1, 128]·[128, 512]          NN  [B, H]·[H, G], a matrix–vector product
 * </pre>
 * The sizes above are as stored, so a transposed operand is written as its stored shape followed by ᵀ.
 *
 * @param name   the benchmark parameter value, e.g. {@code medium-recurrent}
 * @param origin where the product comes from, for reports (Markdown)
 * @param m      rows of op(A) and of C
 * @param k      the inner dimension
 * @param n      columns of op(B) and of C
 * @param opA    op(A): {@code N}, A stored {@code [m, k]}; or {@code T}, A stored {@code [k, m]}
 * @param opB    op(B): {@code N}, B stored {@code [k, n]}; or {@code T}, B stored {@code [n, k]}
 */
public record GemmShape(String name, String origin, int m, int k, int n, Transpose opA, Transpose opB) {

    /** 256³, no transpose: a common size for comparing GEMM kernels. */
    public static final GemmShape SQUARE_256 = square(256);
    /** 512³, no transpose: large enough that the operands leave the L2 cache. */
    public static final GemmShape SQUARE_512 = square(512);
    /** The per-step recurrent product of {@code medium}, the forward pass's GEMM. */
    public static final GemmShape MEDIUM_RECURRENT = recurrent(Shape.MEDIUM);
    /** The per-step gradient into h_{t−1} of {@code medium}, the backward pass's per-step GEMM. */
    public static final GemmShape MEDIUM_BACKWARD = backward(Shape.MEDIUM);
    /** The recurrent weight gradient of {@code medium}, one product over all steps. */
    public static final GemmShape MEDIUM_WEIGHT_GRADIENT = weightGradient(Shape.MEDIUM);
    /** The per-step recurrent product of {@code large}. */
    public static final GemmShape LARGE_RECURRENT = recurrent(Shape.LARGE);
    /** The per-step recurrent product of {@code char}: at batch 1, a row vector times a matrix. */
    public static final GemmShape CHAR_RECURRENT = recurrent(Shape.CHAR);

    /** Every shape, in the order reports list them. */
    public static final List<GemmShape> ALL = List.of(SQUARE_256, SQUARE_512, MEDIUM_RECURRENT, MEDIUM_BACKWARD,
            MEDIUM_WEIGHT_GRADIENT, LARGE_RECURRENT, CHAR_RECURRENT);

    /**
     * The shape of that name.
     *
     * @throws IllegalArgumentException listing the known names when there is none
     */
    public static GemmShape byName(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown GEMM shape '" + name + "': expected one of "
                        + String.join(", ", ALL.stream().map(GemmShape::name).toList())));
    }

    /** Rows of A as stored: m, or k when op(A) = Aᵀ. */
    public int rowsA() {
        return opA == Transpose.N ? m : k;
    }

    /** Columns of A as stored. */
    public int colsA() {
        return opA == Transpose.N ? k : m;
    }

    /** Rows of B as stored: k, or n when op(B) = Bᵀ. */
    public int rowsB() {
        return opB == Transpose.N ? k : n;
    }

    /** Columns of B as stored. */
    public int colsB() {
        return opB == Transpose.N ? n : k;
    }

    /** "[32, 1024]·[256, 1024]ᵀ": the operands as stored, for reports. */
    public String describe() {
        return "[" + rowsA() + ", " + colsA() + "]" + (opA == Transpose.T ? "ᵀ" : "") + "·[" + rowsB() + ", " + colsB() + "]"
                + (opB == Transpose.T ? "ᵀ" : "");
    }

    private static GemmShape square(int size) {
        return new GemmShape("square-" + size, "Square, not one of the model's products", size, size, size,
                Transpose.N, Transpose.N);
    }

    /** h_{t−1}·W_h: [B, H]·[H, G]. */
    private static GemmShape recurrent(Shape model) {
        return new GemmShape(model.name() + "-recurrent", "`h_{t−1}·W_h`, every forward step of the `"
                + model.name() + "` LSTM", model.batch(), model.hiddenSize(), gateWidth(model), Transpose.N, Transpose.N);
    }

    /** dh_{t−1} = dZ_t·W_hᵀ: [B, G]·[G, H], against the W_hᵀ the core transposes once per backward pass. */
    private static GemmShape backward(Shape model) {
        return new GemmShape(model.name() + "-backward", "`dZ_t·W_hᵀ`, every backward step of the `"
                + model.name() + "` LSTM (W_hᵀ transposed once per pass)", model.batch(), gateWidth(model), model.hiddenSize(),
                Transpose.N, Transpose.N);
    }

    /** dW_h = H_prevᵀ·dZ over all steps: [T·B, H]ᵀ·[T·B, G]. */
    private static GemmShape weightGradient(Shape model) {
        return new GemmShape(model.name() + "-weight-gradient", "`H_prevᵀ·dZ` over all steps, once per backward pass"
                + " of the `" + model.name() + "` LSTM", model.hiddenSize(), model.steps() * model.batch(), gateWidth(model),
                Transpose.T, Transpose.N);
    }

    /** G = 4H, the LSTM's fused gate width. */
    private static int gateWidth(Shape model) {
        return CellType.LSTM.gates() * model.hiddenSize();
    }
}
