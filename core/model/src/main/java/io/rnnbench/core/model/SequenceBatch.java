package io.rnnbench.core.model;

import java.util.Arrays;

/**
 * B sequences of T steps and their targets: the unit of one forward/backward pass.
 *
 * @param steps   T ≥ 1
 * @param batch   B ≥ 1
 * @param inputs  T·B rows
 * @param targets fitting the network's head, or {@link Targets#NONE}
 */
public record SequenceBatch(int steps, int batch, Inputs inputs, Targets targets) {

    public SequenceBatch {
        if (steps < 1) {
            throw new IllegalArgumentException("sequence batch: steps must be ≥ 1 (an empty sequence has nothing to learn), got " + steps);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("sequence batch: batch must be ≥ 1, got " + batch);
        }
        if (inputs == null || targets == null) {
            throw new IllegalArgumentException("sequence batch: inputs and targets must be given (use Targets.NONE for none)");
        }
        if (inputs.rows() != steps * batch) {
            throw new IllegalArgumentException("sequence batch: inputs have " + inputs.rows() + " rows, expected T·B = "
                    + steps + "·" + batch + " = " + steps * batch);
        }
    }

    /** One-hot inputs and per-step class targets, the char-RNN case (B = 1: one text chunk). */
    public static SequenceBatch ofClasses(int steps, int batch, int[] inputIndex, int[] targetIndex) {
        return new SequenceBatch(steps, batch, new Inputs.OneHot(inputIndex), new Targets.Classes(targetIndex));
    }

    /**
     * Steps {@code [from, to)} of this batch, for truncated BPTT. Per-step targets (T·B classes, or T·B rows of
     * binary targets) are sliced with the inputs; last-step targets (B of them) stay with the chunk that holds the
     * last step, earlier chunks get none.
     */
    public SequenceBatch slice(int from, int to) {
        if (from < 0 || to > steps || from >= to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") is not a non-empty part of [0, " + steps + ")");
        }
        int rowsFrom = from * batch;
        int rowsTo = to * batch;
        Inputs slicedInputs;
        if (inputs instanceof Inputs.OneHot oneHot) {
            slicedInputs = new Inputs.OneHot(Arrays.copyOfRange(oneHot.index(), rowsFrom, rowsTo));
        } else {
            Inputs.Dense dense = (Inputs.Dense) inputs;
            slicedInputs = new Inputs.Dense(
                    Arrays.copyOfRange(dense.values(), rowsFrom * dense.width(), rowsTo * dense.width()), dense.width());
        }
        Targets slicedTargets;
        if (targets instanceof Targets.Classes c && c.index().length == steps * batch) {
            slicedTargets = new Targets.Classes(Arrays.copyOfRange(c.index(), rowsFrom, rowsTo));
        } else if (targets instanceof Targets.Binary b && b.rows() == steps * batch) {
            slicedTargets = new Targets.Binary(Arrays.copyOfRange(b.values(), rowsFrom * b.width(), rowsTo * b.width()), b.width());
        } else {
            slicedTargets = to == steps ? targets : Targets.NONE;
        }
        return new SequenceBatch(to - from, batch, slicedInputs, slicedTargets);
    }
}
