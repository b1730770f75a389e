/**
 * The commons-math backend, registered as {@code commons-math}: Apache Commons Math 3.6.1 through its
 * {@code RealMatrix} API on {@link org.apache.commons.math3.linear.BlockRealMatrix}.
 * {@link io.rnnbench.backend.commonsmath.CommonsMathMatrix} holds the library's matrix so that {@code gemm}
 * can keep the new matrix the library returns from {@code multiply} as its output, and every elementwise
 * operation is one walk of a library visitor.
 */
package io.rnnbench.backend.commonsmath;
