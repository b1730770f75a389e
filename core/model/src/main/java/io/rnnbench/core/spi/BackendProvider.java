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

    /**
     * Whether this backend, once the JIT has compiled it, allocates nothing per forward, backward or training step
     * (every operation writes into matrices made beforehand). The benchmark report then reads more than a few
     * kilobytes allocated per operation as code the JIT had not compiled yet, and flags the row. Default: false,
     * no claim.
     */
    default boolean allocationFree() {
        return false;
    }

    /** A new backend; cheap (heavy set-up happens lazily). Only called when {@link #unavailableReason()} is empty. */
    Backend<?> create();
}
