/**
 * Helpers for backends whose matrices are row-major {@code double[]}: the fused LSTM step
 * ({@link io.rnnbench.core.rowmajor.RowMajorLstm}) written once for all of them.
 */
package io.rnnbench.core.rowmajor;
