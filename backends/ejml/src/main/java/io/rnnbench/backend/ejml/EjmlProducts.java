package io.rnnbench.backend.ejml;

import io.rnnbench.core.spi.Transpose;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * The EJML calls behind {@link EjmlBackend#gemm}: for each transpose case of op(A)·op(B), the call that
 * overwrites C (C = α·op(A)·op(B), C's old content never read) and the call that accumulates into it
 * (C += α·op(A)·op(B)). EJML has both forms for all four cases, so no case needs a transposed copy.
 *
 * <p>The α forms are used even when α = 1, so one call serves every α. In {@link CommonOps_MT_DDRM} the α and
 * unit forms run the same kernels; in {@link CommonOps_DDRM} the unit forms add matrix–vector kernels for a
 * one-column op(B), a shape an RNN step has only in a one-output head.
 *
 * <p>Allocation inside EJML: {@code multTransAB} and {@code multAddTransAB} take a new {@code double[rows of A]}
 * work row per call when A has at least {@code EjmlParameters.MULT_TRANAB_COLUMN_SWITCH} (40) columns (op(A) = Aᵀ
 * and op(B) = Bᵀ together, which an RNN does not use); every {@link #MULTI_THREADED} call allocates the lambda and
 * the fork/join work of {@code EjmlConcurrency.loopFor}.
 */
enum EjmlProducts {
    /** {@link CommonOps_DDRM}: one thread. */
    SINGLE_THREAD(CommonOps_DDRM::mult, CommonOps_DDRM::multTransA, CommonOps_DDRM::multTransB,
            CommonOps_DDRM::multTransAB, CommonOps_DDRM::multAdd, CommonOps_DDRM::multAddTransA,
            CommonOps_DDRM::multAddTransB, CommonOps_DDRM::multAddTransAB),
    /** {@link CommonOps_MT_DDRM}: rows of C split over EJML's thread pool. */
    MULTI_THREADED(CommonOps_MT_DDRM::mult, CommonOps_MT_DDRM::multTransA, CommonOps_MT_DDRM::multTransB,
            CommonOps_MT_DDRM::multTransAB, CommonOps_MT_DDRM::multAdd, CommonOps_MT_DDRM::multAddTransA,
            CommonOps_MT_DDRM::multAddTransB, CommonOps_MT_DDRM::multAddTransAB);

    /** One EJML product: C = α·op(A)·op(B) or C += α·op(A)·op(B). a, b: Not modified. c: Modified. */
    @FunctionalInterface
    interface Product {
        void apply(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);
    }

    private final Product mult;
    private final Product multTransA;
    private final Product multTransB;
    private final Product multTransAB;
    private final Product multAdd;
    private final Product multAddTransA;
    private final Product multAddTransB;
    private final Product multAddTransAB;

    EjmlProducts(Product mult, Product multTransA, Product multTransB, Product multTransAB,
            Product multAdd, Product multAddTransA, Product multAddTransB, Product multAddTransAB) {
        this.mult = mult;
        this.multTransA = multTransA;
        this.multTransB = multTransB;
        this.multTransAB = multTransAB;
        this.multAdd = multAdd;
        this.multAddTransA = multAddTransA;
        this.multAddTransB = multAddTransB;
        this.multAddTransAB = multAddTransAB;
    }

    /** The call computing C = α·op(A)·op(B), overwriting C. */
    Product overwrite(Transpose opA, Transpose opB) {
        if (opA == Transpose.N) {
            return opB == Transpose.N ? mult : multTransB;
        }
        return opB == Transpose.N ? multTransA : multTransAB;
    }

    /** The call computing C += α·op(A)·op(B). */
    Product accumulate(Transpose opA, Transpose opB) {
        if (opA == Transpose.N) {
            return opB == Transpose.N ? multAdd : multAddTransB;
        }
        return opB == Transpose.N ? multAddTransA : multAddTransAB;
    }
}
