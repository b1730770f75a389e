/**
 * The BLAS backends, on {@code dev.ludovic.netlib}'s {@link dev.ludovic.netlib.blas.BLAS} interface over row-major
 * {@code double[]} matrices: {@code blas-native} calls the system's BLAS through JNI
 * ({@link dev.ludovic.netlib.blas.NativeBLAS}, e.g. OpenBLAS), {@code blas-java} netlib's pure-Java BLAS
 * ({@link dev.ludovic.netlib.blas.JavaBLAS}). One backend class serves both, parameterised by the BLAS instance.
 */
package io.rnnbench.backend.blas;
