package io.rnnbench.core.model;

/** What the network outputs and which loss trains it. Loss is summed over timesteps and averaged over the batch. */
public enum HeadType {
    /** Language model: softmax over V classes at every step, cross-entropy against a class per step. */
    PER_STEP_SOFTMAX,
    /** Classifier: softmax over V classes after the last step, cross-entropy against one class per sequence. */
    LAST_STEP_SOFTMAX,
    /** V independent binary outputs after the last step: sigmoid with binary cross-entropy. */
    LAST_STEP_SIGMOID,
    /**
     * V independent binary outputs at every step (e.g. one bit of a sum per step): sigmoid with binary
     * cross-entropy against binary targets {@code [T·B, V]}, or against class targets (T·B, each row then the
     * one-hot vector of its class).
     */
    PER_STEP_SIGMOID;

    /** Whether the head reads every step's output (else only the last one). */
    public boolean perStep() {
        return this == PER_STEP_SOFTMAX || this == PER_STEP_SIGMOID;
    }

    /** Whether the loss is sigmoid binary cross-entropy (else softmax cross-entropy). */
    public boolean sigmoid() {
        return this == LAST_STEP_SIGMOID || this == PER_STEP_SIGMOID;
    }
}
