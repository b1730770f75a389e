package io.rnnbench.backend.blas;

import dev.ludovic.netlib.blas.NativeBLAS;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.BackendProvider;

import java.util.Map;
import java.util.Optional;

/**
 * Registers {@link BlasBackend} on netlib's {@link NativeBLAS} as {@value #NAME}: the system's BLAS through JNI.
 * netlib's JNI stub {@code dlopen}s the library named by the system property {@value #LIB_PATH_PROPERTY} (a path) or
 * else {@value #LIB_PROPERTY} (a name the dynamic linker resolves; default {@value #DEFAULT_LIB}), which on
 * Debian/Ubuntu is OpenBLAS once {@code libopenblas0} is installed. When none loads this backend is unavailable, with
 * that reason, and the others run as usual. OpenBLAS runs its products on as many threads as it finds processors
 * unless {@code OPENBLAS_NUM_THREADS} says otherwise; the variable must be set before the JVM starts (JMH forks
 * inherit it).
 */
public final class BlasNativeBackendProvider implements BackendProvider {
    /** The registry name. */
    public static final String NAME = "blas-native";
    /** netlib's property naming the native BLAS by path. */
    static final String LIB_PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
    /** netlib's property naming the native BLAS by library name. */
    static final String LIB_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";
    /** The variables OpenBLAS reads its thread count from, in its order. */
    static final String THREAD_VARIABLES = "OPENBLAS_NUM_THREADS, GOTO_NUM_THREADS, OMP_NUM_THREADS";
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

    /**
     * Native OpenBLAS, from Debian's {@code libopenblas0} or any BLAS netlib can load, and as many threads as OpenBLAS
     * takes: the first of {@value #THREAD_VARIABLES} that is set, else one per available processor.
     */
    @Override
    public String requirements() {
        return "a native BLAS (apt-get install libopenblas0), " + openblasThreads(System.getenv()) + " threads in OpenBLAS";
    }

    /** The number of threads OpenBLAS starts with under {@code environment}. */
    static String openblasThreads(Map<String, String> environment) {
        for (String variable : THREAD_VARIABLES.split(", ")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return String.valueOf(Runtime.getRuntime().availableProcessors());
    }

    /** The loaded library's file and the {@code OPENBLAS_*} variables that choose its kernel and threads. */
    @Override
    public String library() {
        return BlasLibrary.describeNative();
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
                BlasLibrary.quietNetlib();
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
