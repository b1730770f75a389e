package io.rnnbench.backend.blas;

import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the report's machine section says about the BLAS of {@code blas-native} and {@code blas-java}
 * ({@link io.rnnbench.core.spi.BackendProvider#library()}): netlib's {@code NativeBLAS} implementation class, the
 * library file it loaded (from {@code /proc/self/maps}, Linux only) and the {@code OPENBLAS_*} environment variables
 * that are set, which choose OpenBLAS's kernel and threads; netlib's {@code JavaBLAS} implementation class. OpenBLAS's
 * own configuration string ({@code openblas_get_config}, {@code openblas_get_corename}) is not read: netlib's JNI stub
 * exposes only the BLAS routines, and Java 17 has no foreign-function call without an incubator module.
 */
final class BlasLibrary {
    /** netlib's logger, held so that its level stays set (java.util.logging keeps loggers weakly). */
    private static final Logger NETLIB = Logger.getLogger("dev.ludovic.netlib.blas");

    private BlasLibrary() {
    }

    /**
     * Keeps netlib's INFO line about the implementation it picked off standard error, where it would stand between a
     * command and its own messages: the report's machine section names the implementation instead. Call before the
     * first {@code getInstance()}.
     */
    static void quietNetlib() {
        NETLIB.setLevel(Level.WARNING);
    }

    /** e.g. "JNIBLAS on /usr/lib/…/libblas.so.3; OPENBLAS_NUM_THREADS=1". Only when the native BLAS loaded. */
    static String describeNative() {
        List<String> parts = new ArrayList<>();
        parts.add(NativeBLAS.getInstance().getClass().getSimpleName()
                + mappedLibrary(Path.of("/proc/self/maps")).map(file -> " on " + file).orElse(""));
        Map<String, String> openblas = openblasVariables(System.getenv());
        if (!openblas.isEmpty()) {
            List<String> variables = new ArrayList<>();
            openblas.forEach((name, value) -> variables.add(name + "=" + value));
            parts.add(String.join(", ", variables));
        }
        return String.join("; ", parts);
    }

    /** e.g. "VectorBLAS" (with the Vector API) or "Java11BLAS". */
    static String describeJava() {
        quietNetlib();
        return JavaBLAS.getInstance().getClass().getSimpleName();
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
