/**
 * Helpers for backends whose matrices are plain {@code double[]}: the element-wise operations of the SPI as loops
 * ({@link io.rnnbench.core.arrays.ElementwiseLoops}, any layout) and the fused LSTM step over row-major storage
 * ({@link io.rnnbench.core.arrays.RowMajorLstm}), each written once for all of them.
 */
package io.rnnbench.core.arrays;
