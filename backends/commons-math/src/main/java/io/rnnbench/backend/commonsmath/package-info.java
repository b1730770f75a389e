/**
 * The commons-math backends: Apache Commons Math 3.6.1 through its {@code RealMatrix} API, registered twice on
 * one implementation, {@link io.rnnbench.backend.commonsmath.CommonsMathBackend}: {@code commons-math} on
 * {@link org.apache.commons.math3.linear.BlockRealMatrix} and {@code commons-math-array} on
 * {@link org.apache.commons.math3.linear.Array2DRowRealMatrix}. Neither class is the fastest for every shape
 * (Block at batch 1, Array2D at batch ≥ 32; see {@link io.rnnbench.backend.commonsmath.CommonsMathMatrixClass}),
 * so the benchmark report recommends one per shape. The class supplies only zeros, the product and the transpose;
 * {@link io.rnnbench.backend.commonsmath.CommonsMathMatrix} holds the library's matrix so that {@code gemm} can
 * keep the new matrix the library returns from {@code multiply} as its output, and every elementwise operation
 * is one walk of a library visitor.
 */
package io.rnnbench.backend.commonsmath;
