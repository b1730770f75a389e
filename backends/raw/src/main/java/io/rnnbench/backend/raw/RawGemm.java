package io.rnnbench.backend.raw;

import io.rnnbench.core.spi.Transpose;

/**
 * C = α·op(A)·op(B) + β·C on row-major arrays. Each transpose case has the loop order whose innermost loop
 * runs with unit stride over a row of C or B, so the JIT turns it into vector code; op(B) = Bᵀ is a row-by-row
 * dot product with four independent accumulators. Shapes are checked by the caller.
 */
final class RawGemm {
    private RawGemm() {
    }

    static void gemm(double alpha, RawMatrix a, Transpose opA, RawMatrix b, Transpose opB, double beta, RawMatrix c) {
        scaleC(beta, c);
        int m = c.rows;
        int n = c.cols;
        int k = opA == Transpose.N ? a.cols : a.rows;
        if (opA == Transpose.N && opB == Transpose.N) {
            multNN(alpha, a.data, b.data, c.data, m, n, k);
        } else if (opA == Transpose.T && opB == Transpose.N) {
            multTN(alpha, a.data, b.data, c.data, m, n, k);
        } else if (opA == Transpose.N) {
            multNT(alpha, a.data, b.data, c.data, m, n, k);
        } else {
            multTT(alpha, a.data, b.data, c.data, m, n, k);
        }
    }

    private static void scaleC(double beta, RawMatrix c) {
        if (beta == 0.0) {
            java.util.Arrays.fill(c.data, 0.0);
        } else if (beta != 1.0) {
            for (int i = 0; i < c.data.length; i++) {
                c.data[i] *= beta;
            }
        }
    }

    /** A [m, k], B [k, n]: C[i, :] += α·A[i, p]·B[p, :]. */
    private static void multNN(double alpha, double[] a, double[] b, double[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int cRow = i * n;
            for (int p = 0; p < k; p++) {
                double aip = alpha * a[i * k + p];
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += aip * b[bRow + j];
                }
            }
        }
    }

    /** A stored [k, m], B [k, n]: C[i, :] += α·A[p, i]·B[p, :]. */
    private static void multTN(double alpha, double[] a, double[] b, double[] c, int m, int n, int k) {
        for (int p = 0; p < k; p++) {
            int bRow = p * n;
            for (int i = 0; i < m; i++) {
                double api = alpha * a[p * m + i];
                int cRow = i * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += api * b[bRow + j];
                }
            }
        }
    }

    /** A [m, k], B stored [n, k]: C[i, j] += α·(A[i, :] · B[j, :]). */
    private static void multNT(double alpha, double[] a, double[] b, double[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int aRow = i * k;
            for (int j = 0; j < n; j++) {
                int bRow = j * k;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    s0 += a[aRow + p] * b[bRow + p];
                    s1 += a[aRow + p + 1] * b[bRow + p + 1];
                    s2 += a[aRow + p + 2] * b[bRow + p + 2];
                    s3 += a[aRow + p + 3] * b[bRow + p + 3];
                }
                for (; p < k; p++) {
                    s0 += a[aRow + p] * b[bRow + p];
                }
                c[i * n + j] += alpha * ((s0 + s1) + (s2 + s3));
            }
        }
    }

    /** A stored [k, m], B stored [n, k]: C[i, j] += α·Σ_p A[p, i]·B[j, p]. Rare in an RNN; kept simple. */
    private static void multTT(double alpha, double[] a, double[] b, double[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[p * m + i] * b[j * k + p];
                }
                c[i * n + j] += alpha * s;
            }
        }
    }
}
