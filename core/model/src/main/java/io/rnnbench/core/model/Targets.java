package io.rnnbench.core.model;

/** What the head's loss compares the outputs with. The kind must fit the {@link HeadType}. */
public sealed interface Targets {

    /** No targets: forward computes outputs only, the loss is 0 and backward gives zero gradients from the head. */
    record None() implements Targets {
    }

    /**
     * Classes for a softmax head: T·B of them (time-major, {@code class[t·B + b]}) for
     * {@link HeadType#PER_STEP_SOFTMAX}, B for {@link HeadType#LAST_STEP_SOFTMAX}; each in [0, V).
     */
    record Classes(int[] index) implements Targets {
        public Classes {
            if (index == null || index.length == 0) {
                throw new IllegalArgumentException("class targets: none given");
            }
        }
    }

    /**
     * Binary targets in [0, 1] for a sigmoid head, row-major rows of {@code width} = V values: {@code [B, V]} for
     * {@link HeadType#LAST_STEP_SIGMOID}, {@code [T·B, V]} (time-major) for {@link HeadType#PER_STEP_SIGMOID}.
     *
     * @param values a whole number of rows of {@code width} values, each in [0, 1]; not copied
     * @param width  V ≥ 1
     */
    record Binary(double[] values, int width) implements Targets {
        public Binary {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException("binary targets: none given");
            }
            if (width < 1 || values.length % width != 0) {
                throw new IllegalArgumentException("binary targets: " + values.length + " values are not a whole number of rows of width "
                        + width);
            }
            for (int i = 0; i < values.length; i++) {
                if (!(values[i] >= 0.0 && values[i] <= 1.0)) {
                    throw new IllegalArgumentException("binary targets: value " + i + " is " + values[i] + ", must be in [0, 1]");
                }
            }
        }

        /** Number of rows: B, or T·B for per-step targets. */
        public int rows() {
            return values.length / width;
        }
    }

    /** The shared "no targets" instance. */
    Targets NONE = new None();
}
