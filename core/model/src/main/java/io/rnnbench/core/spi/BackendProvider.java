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
     * {@link Backends#byName} reports the reason. Must be cheap and must not load what it checks for, unless loading
     * is the only test (a native library): then it loads once per JVM and remembers the answer.
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

    /**
     * The format this backend's matrices hold and its arithmetic is done in. Default: {@link Precision#FLOAT64}; a
     * backend that stores or computes in float32 must say so, so that it is verified against its own tolerance class
     * and never ranked beside float64 backends without saying it.
     */
    default Precision precision() {
        return Precision.FLOAT64;
    }

    /**
     * What choosing this backend costs a user beyond the class path, in a few words for the benchmark report's advice:
     * a JVM option ({@code "--add-modules jdk.incubator.vector"}), a native library ({@code "a native BLAS (apt-get
     * install libopenblas0)"}), more than one thread ({@code "2 threads"}), or {@code "nothing"}. Default:
     * {@code "nothing"}; a backend that needs anything of the kind says so here.
     */
    default String requirements() {
        return "nothing";
    }

    /**
     * The library this backend computes with in this JVM, as the benchmark report's machine section names it, when
     * the backend's jar does not say it all: e.g. the native BLAS file that was loaded and the variables that choose
     * its kernel and threads. Default: empty (nothing to add). Only called when {@link #unavailableReason()} is empty.
     */
    default String library() {
        return "";
    }

    /** A new backend; cheap (heavy set-up happens lazily). Only called when {@link #unavailableReason()} is empty. */
    Backend<?> create();
}
