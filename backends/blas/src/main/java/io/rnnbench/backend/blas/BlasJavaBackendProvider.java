package io.rnnbench.backend.blas;

import dev.ludovic.netlib.blas.JavaBLAS;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

/**
 * Registers {@link BlasBackend} on netlib's {@link JavaBLAS} as {@value #NAME}: BLAS written in Java, single-threaded.
 * netlib picks the implementation when first used: {@code VectorBLAS} (the Java Vector API) when the JVM has
 * {@code jdk.incubator.vector}, which a JDK 17 JVM has only when started with
 * {@code --add-modules jdk.incubator.vector} (the build passes it to every test JVM and benchmark fork), else its
 * plain-Java {@code Java11BLAS}. Runs everywhere; the class in use is {@code JavaBLAS.getInstance().getClass()}.
 *
 * <p>No claim to be {@linkplain #allocationFree() allocation-free}: although every operation writes into matrices
 * made beforehand, {@code AllocationFreeTest} saw netlib's Vector API code still allocating after a minute of
 * training steps (DESIGN-NOTES.md §9).
 */
public final class BlasJavaBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "blas-java";

    @Override
    public String name() {
        return NAME;
    }

    /** Runs without it, on plain Java; the flag makes netlib use its Vector API kernels. */
    @Override
    public String requirements() {
        return "--add-modules jdk.incubator.vector (plain Java without it)";
    }

    /** netlib's Java BLAS implementation: its Vector API one with the flag, plain Java without. */
    @Override
    public String library() {
        return BlasLibrary.describeJava();
    }

    @Override
    public Backend<?> create() {
        BlasLibrary.quietNetlib();
        return new BlasBackend(NAME, JavaBLAS.getInstance());
    }
}
