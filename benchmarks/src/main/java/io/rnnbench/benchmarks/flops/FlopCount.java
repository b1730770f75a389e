package io.rnnbench.benchmarks.flops;

import io.rnnbench.benchmarks.gemm.GemmShape;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;

/**
 * The exact number of floating-point operations of one benchmark operation, as the core performs it.
 *
 * <p>Counting rules:
 * <ul>
 *   <li>GEMM C = op(A)·op(B) + βC with op(A) [m, k], op(B) [k, n]: 2·m·n·k (one multiply and one add per
 *       multiply-accumulate), whether β is 0 or 1.</li>
 *   <li>Elementwise: every arithmetic operation of the defining equation counts 1 per entry, and so does each
 *       tanh, σ, exp, log and √ (the library's instruction count for them is not ours to know). Multiplying by a
 *       constant 1 (α = 1 in axpy) is not counted.</li>
 *   <li>Free: copies, row gathers (one-hot input), fills, comparisons (the softmax's max, clamping).</li>
 * </ul>
 *
 * <p>Sizes: batch B, steps T, hidden H, gate width G = H (RNN) or 4H (LSTM), layer input X_l = X for layer 0 and
 * H above, vocabulary V, R = T·B rows into the per-step head. Per layer:
 * <pre>
 * forward   input projection   2·T·B·X_l·G  (0 for one-hot layer 0: a row gather) + T·B·G bias adds
 *           per step           2·B·H·G recurrent GEMM, then the cell:
 *                              RNN  tanh                                                     1·B·H
 *                              LSTM 4 activations, c = f⊙c + i⊙g (3), tanh c, h = o⊙tanh c     9·B·H
 * backward  per step           dh = dhs_t + dhNext                                            1·B·H
 *                              RNN  dz = dh⊙(1−h²)                                           3·B·H
 *                              LSTM dc (5), dz_o, dz_i, dz_f, dz_g (4 each), dcNext = dc⊙f (1) 22·B·H
 *                              dW_h += h_{t−1}ᵀ·dz and dh_{t−1} = dz·W_hᵀ                     4·B·H·G
 *           whole sequence     db: T·B·G adds; dW_x: 2·T·B·X_l·G (one-hot: T·B·G scatter adds);
 *                              dX = dZ·W_xᵀ for every layer but the first: 2·T·B·G·H
 * head      forward            2·R·H·V + R·V bias adds; loss (softmax cross-entropy, per row):
 *                              V subtractions of the max, V exps, V adds, 1 log, 1 subtraction,
 *                              1 add into the sum, V divisions, 1 subtraction at the target,
 *                              V scalings = 5V + 4; then 1 for the 1/B average
 *           backward           dW_y 2·H·R·V, db_y R·V, dHs 2·R·V·H
 * update    (P parameters)     finite check Σg² 2P; clip by value 0; Adagrad m += g⊙g 2P,
 *                              θ −= lr·g/√(m+ε) 5P                                           9P
 * </pre>
 * Suites: cell step = forward of T = 1, L = 1 with a one-class head (V = 1) and no loss (see
 * {@code CellStepBenchmark}); forward = forward with loss; backward = backward; training step = forward with
 * loss + backward + update. The GEMM kernel benchmark's operation is one product C = op(A)·op(B): 2·m·n·k.
 */
public final class FlopCount {
    private FlopCount() {
    }

    /** FLOPs of one operation of {@code suite} on the preset or custom {@code shape}. */
    public static long of(Suite suite, CellType cell, Shape shape) {
        return switch (suite) {
            case CELL_STEP -> forward(cell, shape.oneStepOfOneLayer(), 1, false);
            case FORWARD -> forward(cell, shape, shape.outputSize(), true);
            case BACKWARD -> backward(cell, shape, shape.outputSize());
            case TRAINING_STEP -> forward(cell, shape, shape.outputSize(), true) + backward(cell, shape, shape.outputSize())
                    + update(cell, shape, shape.outputSize());
        };
    }

    /** FLOPs of one product of the GEMM kernel benchmark: 2·m·n·k (β = 0: C's old value is not read). */
    public static long of(GemmShape gemm) {
        return 2L * gemm.m() * gemm.n() * gemm.k();
    }

    /** Forward through every layer and a per-step head of {@code v} classes, with or without the loss. */
    public static long forward(CellType cell, Shape s, int v, boolean loss) {
        long b = s.batch(), t = s.steps(), h = s.hiddenSize(), g = gateWidth(cell, s);
        long flops = 0;
        for (int l = 0; l < s.layers(); l++) {
            long x = layerInput(s, l);
            flops += inputIsGathered(s, l) ? 0 : 2 * t * b * x * g; // Zx = X·W_x
            flops += t * b * g; //                                    Zx += b
            flops += t * (2 * b * h * g + cellForward(cell) * b * h); // z = Zx_t + h·W_h; activations
        }
        long rows = t * b;
        flops += 2 * rows * h * v + rows * v; //                      Y = H·W_y + b_y
        if (loss) {
            flops += rows * (5 * v + 4) + 1; //                      softmax cross-entropy, averaged over B
        }
        return flops;
    }

    /** BPTT through the head and every layer. */
    public static long backward(CellType cell, Shape s, int v) {
        long b = s.batch(), t = s.steps(), h = s.hiddenSize(), g = gateWidth(cell, s);
        long rows = t * b;
        long flops = 2 * h * rows * v + rows * v + 2 * rows * v * h; // dW_y, db_y, dHs
        for (int l = 0; l < s.layers(); l++) {
            long x = layerInput(s, l);
            flops += t * ((1 + cellBackward(cell)) * b * h + 4 * b * h * g); // dh, dz; dW_h, dh_{t−1}
            flops += t * b * g; //                                               db
            flops += inputIsGathered(s, l) ? t * b * g : 2 * t * b * x * g; //   dW_x
            flops += l > 0 ? 2 * t * b * g * x : 0; //                           dX for the layer below
        }
        return flops;
    }

    /** Finite check, clipping by value and the Adagrad update of every parameter. */
    public static long update(CellType cell, Shape s, int v) {
        return 9 * parameters(cell, s, v);
    }

    /** P: the number of trainable parameters, Σ_l (X_l·G + H·G + G) + H·V + V. */
    public static long parameters(CellType cell, Shape s, int v) {
        long h = s.hiddenSize(), g = gateWidth(cell, s);
        long p = h * v + v;
        for (int l = 0; l < s.layers(); l++) {
            p += layerInput(s, l) * g + h * g + g;
        }
        return p;
    }

    private static long gateWidth(CellType cell, Shape s) {
        return (long) cell.gates() * s.hiddenSize();
    }

    private static long layerInput(Shape s, int layer) {
        return layer == 0 ? s.inputSize() : s.hiddenSize();
    }

    private static boolean inputIsGathered(Shape s, int layer) {
        return layer == 0 && s.oneHot();
    }

    private static long cellForward(CellType cell) {
        return cell == CellType.LSTM ? 9 : 1;
    }

    private static long cellBackward(CellType cell) {
        return cell == CellType.LSTM ? 22 : 3;
    }
}
