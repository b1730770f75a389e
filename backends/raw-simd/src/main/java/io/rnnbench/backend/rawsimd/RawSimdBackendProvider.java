package io.rnnbench.backend.rawsimd;

import io.rnnbench.backend.raw.RawBackend;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

import java.util.Optional;

/**
 * Registers the raw backend with the {@link SimdTileKernel} and {@link SimdActivations} as {@value #NAME}. The kernel uses
 * {@code jdk.incubator.vector}, which a JDK 17 JVM only resolves when started with
 * {@code --add-modules jdk.incubator.vector}; without it this provider reports itself unavailable (and never
 * touches a Vector API class), so the other backends run as usual.
 */
public final class RawSimdBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "raw-simd";
    /** The module the kernel needs. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("the Java Vector API is not in this JVM: start it with --add-modules " + VECTOR_MODULE);
    }

    /** Tested for the GEMM in {@code OwnGemmTest}; the model's steps allocate nothing per call (DESIGN-NOTES.md §9). */
    @Override
    public boolean allocationFree() {
        return true;
    }

    @Override
    public String requirements() {
        return "--add-modules " + VECTOR_MODULE;
    }

    @Override
    public Backend<?> create() {
        return new RawBackend(NAME, new SimdTileKernel(), new SimdActivations());
    }
}
