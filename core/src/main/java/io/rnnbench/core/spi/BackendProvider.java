package io.rnnbench.core.spi;

/**
 * A named factory for a {@link Backend}, registered in a backend module's
 * {@code META-INF/services/io.rnnbench.core.spi.BackendProvider} and found by {@link Backends#byName}.
 */
public interface BackendProvider {

    /** The registry name, e.g. {@code "raw"}; the value of the benchmarks' {@code backend} parameter. */
    String name();

    /** A new backend; cheap (heavy set-up happens lazily). */
    Backend<?> create();
}
