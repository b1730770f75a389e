package io.rnnbench.core.spi;

import java.util.Optional;

/**
 * A named factory for a {@link Backend}, registered in a backend module's
 * {@code META-INF/services/io.rnnbench.core.spi.BackendProvider} and found by {@link Backends#byName}.
 */
public interface BackendProvider {

    /** The registry name, e.g. {@code "raw"}; the value of the benchmarks' {@code backend} parameter. */
    String name();

    /**
     * Why this backend cannot run in this JVM (say, a JVM option or a native library it needs is missing), or
     * empty when it can. An unavailable backend is left out of {@link Backends#names()}, and
     * {@link Backends#byName} reports the reason. Must be cheap and must not load what it checks for.
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** A new backend; cheap (heavy set-up happens lazily). Only called when {@link #unavailableReason()} is empty. */
    Backend<?> create();
}
