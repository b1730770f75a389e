/**
 * The EJML backend: {@link org.ejml.data.DMatrixRMaj} with {@link org.ejml.dense.row.CommonOps_DDRM}'s
 * output-argument operations on matrices allocated once and reused, registered as {@code ejml}; and the same
 * backend with {@link org.ejml.dense.row.CommonOps_MT_DDRM}'s multi-threaded products, registered as
 * {@code ejml-mt}.
 */
package io.rnnbench.backend.ejml;
