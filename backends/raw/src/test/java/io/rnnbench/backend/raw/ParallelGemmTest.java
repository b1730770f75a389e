package io.rnnbench.backend.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnbench.core.spi.Transpose;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code raw-mt} splits C's columns over two threads; every entry must be bit-identical to {@code raw}'s. */
class ParallelGemmTest {
    private final Random random = new Random(77);

    @Test
    void bitIdenticalToSingleThreaded() {
        RawBackend single = new RawBackend();
        RawBackend parallel = (RawBackend) new RawMtBackendProvider().create();
        assertEquals("raw-mt", parallel.name());
        int[][] shapes = {{64, 300, 70}, {33, 257, 513}, {5, 17, 4000}, {2, 1000, 300}, {3, 3, 3}};
        for (Transpose opA : Transpose.values()) {
            for (Transpose opB : Transpose.values()) {
                for (int[] s : shapes) {
                    int m = s[0];
                    int n = s[1];
                    int k = s[2];
                    RawMatrix a = opA == Transpose.N ? filled(m, k) : filled(k, m);
                    RawMatrix b = opB == Transpose.N ? filled(k, n) : filled(n, k);
                    RawMatrix want = filled(m, n);
                    RawMatrix got = new RawMatrix(m, n);
                    System.arraycopy(want.data, 0, got.data, 0, want.data.length);
                    single.gemm(0.5, a, opA, b, opB, 2.0, want);
                    parallel.gemm(0.5, a, opA, b, opB, 2.0, got);
                    assertArrayEquals(want.data, got.data, opA + "" + opB + " " + m + "x" + n + "x" + k);
                    java.util.Arrays.fill(got.data, Double.NaN);
                    single.gemm(1, a, opA, b, opB, 0, want);
                    parallel.gemm(1, a, opA, b, opB, 0, got);
                    assertArrayEquals(want.data, got.data, "β = 0 over NaN: " + opA + "" + opB + " " + m + "x" + n + "x" + k);
                }
            }
        }
    }

    private RawMatrix filled(int rows, int cols) {
        RawMatrix x = new RawMatrix(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextGaussian();
        }
        return x;
    }
}
