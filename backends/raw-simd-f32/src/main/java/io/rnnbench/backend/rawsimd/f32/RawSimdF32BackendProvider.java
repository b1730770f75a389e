package io.rnnbench.backend.rawsimd.f32;

import io.rnnbench.backend.rawsimd.RawSimdBackendProvider;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;
import io.rnnbench.core.spi.Precision;

import java.util.Optional;

/**
 * Registers {@link F32Backend} as {@value #NAME}: float32 storage and arithmetic, its GEMM kernel and activations in
 * the Java Vector API, so it needs {@code --add-modules jdk.incubator.vector} as {@code raw-simd} does, and reports
 * itself unavailable without it (never touching a Vector API class then).
 */
public final class RawSimdF32BackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "raw-simd-f32";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        return new RawSimdBackendProvider().unavailableReason();
    }

    @Override
    public Precision precision() {
        return Precision.FLOAT32;
    }

    /** Held by {@code AllocationFreeTest} (training steps) and {@code OwnGemmTest} (products). */
    @Override
    public boolean allocationFree() {
        return true;
    }

    @Override
    public String requirements() {
        return new RawSimdBackendProvider().requirements();
    }

    @Override
    public Backend<?> create() {
        return new F32Backend();
    }
}
