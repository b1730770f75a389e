package io.rnnbench.benchmarks.gemm;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The benchmark's set-up, check and operation without JMH. */
class GemmBenchmarkTest {

    @Test
    void everyRegisteredBackendPassesTheCheckAndReturnsTheProduct() {
        GemmShape shape = GemmShape.MEDIUM_BACKWARD;
        double[] reference = product(GemmAgreement.REFERENCE_BACKEND, shape);

        assertEquals(shape.m() * shape.n(), reference.length);
        for (String backend : Backends.names()) {
            assertArrayEquals(reference, product(backend, shape), 1e-9, backend);
        }
    }

    @Test
    void theOperandsAreSeeded() {
        assertArrayEquals(product("raw", GemmShape.SQUARE_256), product("raw", GemmShape.SQUARE_256));
    }

    /** C after one operation of the benchmark set up for {@code backend} and {@code shape}. */
    private static double[] product(String backend, GemmShape shape) {
        GemmBenchmark benchmark = new GemmBenchmark();
        benchmark.backend = backend;
        benchmark.gemm = shape.name();
        benchmark.buildAndCheck();
        return toArray(Backends.byName(backend), benchmark.multiply());
    }

    @SuppressWarnings("unchecked")
    private static <M> double[] toArray(Backend<M> backend, Object matrix) {
        return backend.toArray((M) matrix);
    }
}
