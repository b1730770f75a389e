package io.rnnbench.core.model;

/** The name and shape {@code [rows, cols]} of one trained matrix of a network. */
public record ParameterShape(String name, int rows, int cols) {

    /** rows·cols. */
    public long size() {
        return (long) rows * cols;
    }
}
