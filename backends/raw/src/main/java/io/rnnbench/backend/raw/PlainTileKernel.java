package io.rnnbench.backend.raw;

/**
 * The raw backend's {@link TileKernel} in plain Java: the p loop steps {@value #DEPTH} rows of the panel at a
 * time, and each step is a j loop over the tile written so that C2's SuperWord pass can turn it into FMA vector
 * code ({@code vfmadd231pd} on 512-bit registers on this AVX-512 machine).
 *
 * <p><b>Caveat:</b> whether C2 does vectorize it depends on the compilation, and plain Java cannot force it (a
 * {@code jdk.incubator.vector} kernel does not depend on it). What was seen in driver programs and in JMH forks,
 * and since which change the forks' code has been vectorized: DESIGN-NOTES.md §10.
 *
 * <p>Why it has this exact shape (JDK 17 C2, checked with {@code -XX:+PrintAssembly}):
 * <ul>
 *   <li>SuperWord vectorizes array accesses whose indices differ by <em>compile-time constants</em>. Two
 *       accesses {@code c[cRow + j]} and {@code b[bRow + j]} with different loop-invariant offsets are "not
 *       comparable" to its dependence analysis, so a store to one blocks packing loads of the other and the
 *       loop stays scalar (this is why a plain i-k-j loop over row-major C runs at scalar speed). Hence the
 *       C tile lives in a scratch array {@code acc} whose rows sit at the constant offsets 0, S, 2S, 3S
 *       ({@link #STRIDE}), and each group of {@value #DEPTH} packed rows of op(B) is its own array with rows at
 *       0, S: every access is {@code x[j + constant]}.</li>
 *   <li>{@link Math#fma} is the only way to get fused multiply-add from C2 ({@code a * b + c} is never fused);
 *       it is intrinsified and vectorized. It also makes every entry's sum exact-rounded step by step, so the
 *       result is the same bits whether the loop runs vectorized, scalar, in C1 or in the interpreter.</li>
 *   <li>Accumulators stay in memory (L1), not in registers: SuperWord packs array elements, not scalar locals.
 *       A tile of 4 rows × 2 k does 8 FMAs per 6 vector loads and 4 vector stores. Deeper tiles (4 × 4, 2 × 4:
 *       fewer stores per FMA) leave C2 17's loop scalar ({@code vfmadd231sd}; DESIGN-NOTES.md §10): their loop
 *       bodies are bigger, and C2 apparently declines to unroll them (likely the 60-node {@code LoopUnrollLimit}
 *       checked before SuperWord's analysis), so SuperWord never sees them. Keep this loop small; re-check the
 *       assembly after changing it.</li>
 * </ul>
 * Nothing here allocates or checks shapes; {@link RawGemm} does.
 */
final class PlainTileKernel implements TileKernel {
    @Override
    public void accumulate(int rows, double[] strip, int s0, double[][] panel, int kc, double[] acc, int nc) {
        int p = 0;
        if (rows == ROWS) {
            for (; p + DEPTH <= kc; p += DEPTH) {
                int x = s0 + p * ROWS;
                tile4x2(panel[p / DEPTH], acc, nc,
                        strip[x], strip[x + ROWS],
                        strip[x + 1], strip[x + 1 + ROWS],
                        strip[x + 2], strip[x + 2 + ROWS],
                        strip[x + 3], strip[x + 3 + ROWS]);
            }
            if (p < kc) {
                int x = s0 + p * ROWS;
                tile4x1(panel[p / DEPTH], acc, nc, strip[x], strip[x + 1], strip[x + 2], strip[x + 3]);
            }
        } else {
            for (; p + DEPTH <= kc; p += DEPTH) {
                tile1x2(panel[p / DEPTH], acc, nc, strip[s0 + p], strip[s0 + p + 1]);
            }
            if (p < kc) {
                tile1x1(panel[p / DEPTH], acc, nc, strip[s0 + p]);
            }
        }
    }

    /** acc[r, j] += a_r0·b[0, j] + a_r1·b[1, j] for r < 4, j < n; b is two panel rows from b0, acc [4, S]. */
    private static void tile4x2(double[] b, double[] acc, int n,
                        double a00, double a01, double a10, double a11,
                        double a20, double a21, double a30, double a31) {
        for (int j = 0; j < n; j++) {
            double b0j = b[j];
            double b1j = b[j + STRIDE];
            acc[j] = Math.fma(a01, b1j, Math.fma(a00, b0j, acc[j]));
            acc[j + STRIDE] = Math.fma(a11, b1j, Math.fma(a10, b0j, acc[j + STRIDE]));
            acc[j + 2 * STRIDE] = Math.fma(a21, b1j, Math.fma(a20, b0j, acc[j + 2 * STRIDE]));
            acc[j + 3 * STRIDE] = Math.fma(a31, b1j, Math.fma(a30, b0j, acc[j + 3 * STRIDE]));
        }
    }

    /** The last k of an odd depth: acc[r, j] += a_r·b[0, j] for r < 4. */
    private static void tile4x1(double[] b, double[] acc, int n, double a0, double a1, double a2, double a3) {
        for (int j = 0; j < n; j++) {
            double b0j = b[j];
            acc[j] = Math.fma(a0, b0j, acc[j]);
            acc[j + STRIDE] = Math.fma(a1, b0j, acc[j + STRIDE]);
            acc[j + 2 * STRIDE] = Math.fma(a2, b0j, acc[j + 2 * STRIDE]);
            acc[j + 3 * STRIDE] = Math.fma(a3, b0j, acc[j + 3 * STRIDE]);
        }
    }

    /** One row (the m mod 4 leftover rows, and matrix–vector products): acc[0, j] += a0·b[0, j] + a1·b[1, j]. */
    private static void tile1x2(double[] b, double[] acc, int n, double a0, double a1) {
        for (int j = 0; j < n; j++) {
            acc[j] = Math.fma(a1, b[j + STRIDE], Math.fma(a0, b[j], acc[j]));
        }
    }

    /** One row, one k: acc[0, j] += a0·b[0, j]. */
    private static void tile1x1(double[] b, double[] acc, int n, double a0) {
        for (int j = 0; j < n; j++) {
            acc[j] = Math.fma(a0, b[j], acc[j]);
        }
    }
}
