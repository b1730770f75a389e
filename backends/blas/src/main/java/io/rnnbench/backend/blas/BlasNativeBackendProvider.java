package io.rnnbench.backend.blas;

import dev.ludovic.netlib.blas.NativeBLAS;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;
import java.util.Optional;

/**
 * Registers {@link BlasBackend} on netlib's {@link NativeBLAS} as {@value #NAME}: the system's BLAS through JNI.
 * netlib's JNI stub {@code dlopen}s the library named by the system property {@value #LIB_PATH_PROPERTY} (a path) or
 * else {@value #LIB_PROPERTY} (a name the dynamic linker resolves; default {@value #DEFAULT_LIB}), which on
 * Debian/Ubuntu is OpenBLAS once {@code libopenblas0} is installed. When none loads this backend is unavailable, with
 * that reason, and the others run as usual. OpenBLAS runs its products on as many threads as it finds cores unless
 * {@code OPENBLAS_NUM_THREADS} says otherwise.
 */
public final class BlasNativeBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "blas-native";
    /** netlib's property naming the native BLAS by path. */
    static final String LIB_PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
    /** netlib's property naming the native BLAS by library name. */
    static final String LIB_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";
    /** The library netlib asks the dynamic linker for by default. */
    static final String DEFAULT_LIB = "libblas.so.3";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Whether a native BLAS loads can only be learnt by loading it: the first call tries {@link NativeBLAS#getInstance}
     * once for the whole JVM (netlib itself loads at most once), later calls return the remembered answer.
     */
    @Override
    public Optional<String> unavailableReason() {
        return NativeLoad.FAILURE;
    }

    /** Native OpenBLAS, from Debian's {@code libopenblas0} or any BLAS netlib can load. */
    @Override
    public String requirements() {
        return "a native BLAS (apt-get install libopenblas0)";
    }

    /** Every operation writes into matrices made beforehand; JNI passes the arrays without copying them. */
    @Override
    public boolean allocationFree() {
        return true;
    }

    @Override
    public Backend<?> create() {
        return new BlasBackend(NAME, NativeBLAS.getInstance());
    }

    /** The outcome of the one attempt to load netlib's native BLAS (class initialisation runs it once, lazily). */
    private static final class NativeLoad {
        static final Optional<String> FAILURE = tryLoad();

        private static Optional<String> tryLoad() {
            try {
                NativeBLAS.getInstance();
                return Optional.empty();
            } catch (RuntimeException | LinkageError e) {
                String path = System.getProperty(LIB_PATH_PROPERTY);
                String lib = path != null ? path : System.getProperty(LIB_PROPERTY, DEFAULT_LIB);
                return Optional.of("no native BLAS: netlib could not load " + lib + " (" + e.getMessage()
                        + "); install libopenblas0 (Debian/Ubuntu) or set -D" + LIB_PROPERTY + "=<library name> or -D"
                        + LIB_PATH_PROPERTY + "=<path>");
            }
        }
    }
}
