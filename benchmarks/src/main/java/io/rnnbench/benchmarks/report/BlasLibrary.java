package io.rnnbench.benchmarks.report;

import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import io.rnnbench.core.spi.Backends;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which BLAS the {@code blas-native} and {@code blas-java} backends use in this JVM, in one line for the report's
 * machine section: netlib's {@code NativeBLAS} implementation class and the library file it loaded (from
 * {@code /proc/self/maps}, Linux only), or why none loads; netlib's {@code JavaBLAS} implementation class; and the
 * {@code OPENBLAS_*} environment variables that are set, which choose OpenBLAS's kernel and threads. OpenBLAS's own
 * configuration string ({@code openblas_get_config}, {@code openblas_get_corename}) is not read: netlib's JNI stub
 * exposes only the BLAS routines, and Java 17 has no foreign-function call without an incubator module.
 */
final class BlasLibrary {
    private static final String BLAS_NATIVE = "blas-native";

    private BlasLibrary() {
    }

    /** The line for this JVM, e.g. "NativeBLAS JNIBLAS on /usr/lib/…/libblas.so.3; JavaBLAS VectorBLAS; OPENBLAS_NUM_THREADS=1". */
    static String describe() {
        List<String> parts = new ArrayList<>();
        String unavailable = Backends.unavailable().get(BLAS_NATIVE);
        if (unavailable != null) {
            parts.add("NativeBLAS unavailable (" + unavailable + ")");
        } else {
            parts.add("NativeBLAS " + NativeBLAS.getInstance().getClass().getSimpleName()
                    + mappedLibrary(Path.of("/proc/self/maps")).map(file -> " on " + file).orElse(""));
        }
        parts.add("JavaBLAS " + JavaBLAS.getInstance().getClass().getSimpleName());
        Map<String, String> openblas = openblasVariables(System.getenv());
        if (!openblas.isEmpty()) {
            List<String> variables = new ArrayList<>();
            openblas.forEach((name, value) -> variables.add(name + "=" + value));
            parts.add(String.join(", ", variables));
        }
        return String.join("; ", parts);
    }

    /** The {@code OPENBLAS_*} variables of {@code environment}, sorted by name. */
    static Map<String, String> openblasVariables(Map<String, String> environment) {
        Map<String, String> openblas = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("OPENBLAS_")) {
                openblas.put(name, value);
            }
        });
        return openblas;
    }

    /**
     * The first file mapped into this process whose name contains "blas", other than netlib's own JNI stub
     * ({@code libnetlibblasjni}); empty where {@code maps} cannot be read (not Linux) or holds none.
     */
    static Optional<String> mappedLibrary(Path maps) {
        try {
            for (String line : Files.readAllLines(maps, StandardCharsets.UTF_8)) {
                int slash = line.indexOf('/');
                if (slash >= 0) {
                    String file = line.substring(slash);
                    String name = file.substring(file.lastIndexOf('/') + 1);
                    if (name.contains("blas") && !name.contains("netlibblasjni")) {
                        return Optional.of(file);
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
