/**
 * The GEMM kernel benchmark: one C = op(A)·op(B) per operation on every backend, for square sizes and the products
 * the {@code medium} and {@code large} LSTM presets spend their time in ({@link io.rnnbench.benchmarks.gemm.GemmShape}),
 * each checked against the raw backend before it is timed. The report states each backend's GFLOP/s per shape.
 */
package io.rnnbench.benchmarks.gemm;
