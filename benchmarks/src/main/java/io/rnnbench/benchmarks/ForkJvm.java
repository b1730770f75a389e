package io.rnnbench.benchmarks;

/** JVM options every benchmark fork starts with, besides its fixed heap. */
public final class ForkJvm {
    /**
     * Resolves the Java Vector API (an incubator module in JDK 17) so that the {@code raw-simd} backend can run;
     * the other backends do not use it. A JVM without it leaves {@code raw-simd} out of the grid and says why.
     */
    public static final String VECTOR_API = "--add-modules=jdk.incubator.vector";

    private ForkJvm() {
    }
}
