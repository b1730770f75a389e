package io.rnnbench.core.model;

import io.rnnbench.core.shape.Shapes;
import io.rnnbench.core.spi.Backend;

import static io.rnnbench.core.spi.Transpose.N;
import static io.rnnbench.core.spi.Transpose.T;

/**
 * The output layer and loss, unrolled for T steps of a batch of B:
 * <pre>
 * Y = Hin·W_y + b_y          [R, V]   R = T·B rows (per-step head) or B rows (last-step head: Hin = h_{T−1})
 * L = (1/B)·Σ loss(Y, targets)         softmax cross-entropy, or sigmoid binary cross-entropy
 * dY = dL/dY                  [R, V]
 * dW_y += Hinᵀ·dY;  db_y += Σ_rows dY;  dHin = dY·W_yᵀ   [R, H]
 * </pre>
 */
final class OutputHead<M> {
    private final Backend<M> backend;
    private final HeadType type;
    private final M wY;
    private final M bY;
    private final M dWY;
    private final M dBY;
    private final int steps;
    private final int batch;
    private final int outputs;

    /** [R, V] logits. */
    private final M y;
    /** [R, V] dL/dY. */
    private final M dy;
    /** [B, H] gradient w.r.t. the last step's output (last-step heads; else null). */
    private final M dhLast;

    /** Labels of the checks' error messages, built once (a check must not allocate per pass). */
    private final String headLabel;
    private final String classTargetsLabel;
    /** [B, V] binary targets of a sigmoid head, allocated at first use. */
    private M binaryTargets;
    private M in;
    /** [R·V] one-hot rows of class targets for a per-step sigmoid head, allocated at first use. */
    private double[] oneHotScratch;
    private boolean hasLoss;

    OutputHead(Backend<M> backend, HeadType type, M wY, M bY, M dWY, M dBY, int steps, int batch) {
        this.backend = backend;
        this.type = type;
        this.headLabel = type + " head";
        this.classTargetsLabel = type + " head: class targets";
        this.wY = wY;
        this.bY = bY;
        this.dWY = dWY;
        this.dBY = dBY;
        this.steps = steps;
        this.batch = batch;
        this.outputs = backend.cols(wY);
        int rows = type.perStep() ? steps * batch : batch;
        y = backend.zeros(rows, outputs);
        dy = backend.zeros(rows, outputs);
        dhLast = type.perStep() ? null : backend.zeros(batch, backend.rows(wY));
    }

    /**
     * Computes the logits from the top layer and, when targets are given, the loss (returned) and dL/dY.
     * Without targets the loss is 0 and dL/dY = 0.
     */
    double forward(Layer<M> top, Targets targets) {
        in = type.perStep() ? top.hs : top.output(steps - 1);
        backend.gemm(1.0, in, N, wY, N, 0.0, y); //      Y = Hin·W_y + b_y     [R, V]
        backend.addRowVector(bY, y);
        hasLoss = !(targets instanceof Targets.None);
        if (!hasLoss) {
            return 0.0;
        }
        double perSequence = 1.0 / batch;
        if (type.sigmoid()) {
            int rows = backend.rows(y); //                                  R = B (last step) or T·B (per step)
            if (binaryTargets == null) {
                binaryTargets = backend.zeros(rows, outputs);
            }
            backend.load(binaryValues(targets, rows), binaryTargets); //    [R, V] the array boundary
            return perSequence * backend.sigmoidCrossEntropy(y, binaryTargets, perSequence, dy);
        }
        int[] classes = requireClasses(targets).index();
        Shapes.requireLength(headLabel, "class targets", classes.length, backend.rows(y));
        Shapes.requireIndices(classTargetsLabel, classes, outputs);
        return perSequence * backend.softmaxCrossEntropy(y, classes, perSequence, dy);
    }

    /** Accumulates dW_y, db_y and writes dL/dh of the top layer's outputs into {@code top.dhs}. */
    void backward(Layer<M> top) {
        if (!hasLoss) {
            backend.fill(dy, 0.0);
        }
        backend.gemm(1.0, in, T, dy, N, 1.0, dWY); //     dW_y += Hinᵀ·dY       [H, V]
        backend.addColumnSums(dy, dBY); //                db_y += Σ_rows dY     [1, V]
        if (type.perStep()) {
            backend.gemm(1.0, dy, N, wY, T, 0.0, top.dhs); // dHs = dY·W_yᵀ       [T·B, H]
        } else {
            backend.fill(top.dhs, 0.0); //                   only the last step feeds the head
            backend.gemm(1.0, dy, N, wY, T, 0.0, dhLast); // dh_{T−1} = dY·W_yᵀ   [B, H]
            backend.copyBlock(dhLast, 0, 0, top.dhs, (steps - 1) * batch, 0, batch, backend.cols(dhLast));
        }
    }

    /** [R, V] the logits of the last forward pass. */
    M logits() {
        return y;
    }

    /**
     * The [R, V] binary targets of a sigmoid head, row-major: binary targets as given, or (per-step head) class
     * targets as one-hot rows.
     */
    private double[] binaryValues(Targets targets, int rows) {
        if (type == HeadType.PER_STEP_SIGMOID && targets instanceof Targets.Classes classes) {
            Shapes.requireLength(headLabel, "class targets", classes.index().length, rows);
            Shapes.requireIndices(classTargetsLabel, classes.index(), outputs);
            if (oneHotScratch == null) {
                oneHotScratch = new double[rows * outputs];
            }
            java.util.Arrays.fill(oneHotScratch, 0.0);
            for (int r = 0; r < rows; r++) {
                oneHotScratch[r * outputs + classes.index()[r]] = 1.0;
            }
            return oneHotScratch;
        }
        Targets.Binary binary = requireBinary(targets);
        if (binary.width() != outputs || binary.rows() != rows) {
            throw new IllegalArgumentException(type + " head: binary targets are " + Shapes.shape(binary.rows(), binary.width())
                    + " but the outputs are " + Shapes.shape(rows, outputs));
        }
        double[] values = binary.values();
        return values;
    }

    private Targets.Binary requireBinary(Targets targets) {
        if (targets instanceof Targets.Binary binary) {
            return binary;
        }
        throw new IllegalArgumentException(type + " head needs binary targets, got " + targets.getClass().getSimpleName());
    }

    private Targets.Classes requireClasses(Targets targets) {
        if (targets instanceof Targets.Classes classes) {
            return classes;
        }
        throw new IllegalArgumentException(type + " head needs class targets, got " + targets.getClass().getSimpleName());
    }
}
