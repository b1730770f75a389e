package io.rnnbench.core.model;

/**
 * A parameter (or its gradient, or optimizer state) of a network: a backend matrix with a stable name such as
 * {@code layer0.wX} or {@code head.bY}.
 *
 * @param name  unique within its {@link Parameters}
 * @param rows  rows of {@code value}
 * @param cols  columns of {@code value}
 * @param value the backend matrix
 */
public record NamedMatrix<M>(String name, int rows, int cols, M value) {
}
