package io.rnnbench.benchmarks.gemm;

import io.rnnbench.benchmarks.CompiledStart;
import io.rnnbench.benchmarks.ForkJvm;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Transpose;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One operation is one GEMM, C = 1·op(A)·op(B) + 0·C, on the backend's own matrices, for the shapes of
 * {@link GemmShape} (square 256³ and 512³, and the LSTM products of the {@code medium} and {@code large} presets).
 * The operands are seeded Gaussian; before timing, the backend's C must agree with the raw backend's
 * ({@link GemmAgreement}). FLOPs: 2·m·n·k ({@code FlopCount.of(GemmShape)}). Unit: µs per product (lower is
 * better); the report converts to GFLOP/s. Every operation repeats the same product, as the recurrence does with
 * W_h; {@code raw} and {@code raw-simd} keep such a right operand packed from the second call on (their
 * {@code PackedOperand}), so their figure is the recurrence's case.
 *
 * <p>The shape parameter is called {@code gemm}, not {@code shape}: JMH applies {@code -p shape=…} to every
 * benchmark with a parameter of that name, so the RNN grid's shape list would replace this one.
 *
 * <p>Run: {@code java --add-modules=jdk.incubator.vector -jar benchmarks/target/benchmarks.jar GemmBenchmark
 * -p gemm=square-512}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime) //                       time per product
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1) //                      overridden by the Maven profiles
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", ForkJvm.VECTOR_API}) // one JVM per backend × shape: backends must not share JIT profiles
@Threads(1)
public class GemmBenchmark {
    /** Seed of the operands' entries. */
    public static final long SEED = 20240611L;

    /**
     * A backend's registry name. The literal list is the built-in backends, what a bare {@code java -jar
     * benchmarks.jar} run measures; the project's runner ({@code RunBenchmarks}) replaces it with every backend
     * on the class path.
     */
    @Param({"commons-math", "ejml", "raw", "raw-simd"})
    public String backend;

    /** A {@link GemmShape} by name. */
    @Param({"square-256", "square-512", "medium-recurrent", "medium-backward", "medium-weight-gradient", "large-recurrent",
            "char-recurrent"})
    public String gemm;

    // Built per trial (one fork), never final: JMH must not constant-fold them. The benchmark never looks inside a
    // matrix, so it holds the backend's matrices as Object.
    private Backend<Object> backendOps;
    private Object a; //   [m, k], or [k, m] when opA = T
    private Object b; //   [k, n], or [n, k] when opB = T
    private Object c; //   [m, n]
    private Transpose opA;
    private Transpose opB;

    @Setup(Level.Trial)
    public void buildAndCheck() {
        GemmShape shape = GemmShape.byName(gemm);
        Random random = new Random(SEED);
        double[] aValues = gaussian(random, shape.rowsA() * shape.colsA());
        double[] bValues = gaussian(random, shape.rowsB() * shape.colsB());
        backendOps = matricesAsObjects(Backends.byName(backend));
        a = backendOps.fromArray(shape.rowsA(), shape.colsA(), aValues);
        b = backendOps.fromArray(shape.rowsB(), shape.colsB(), bValues);
        c = backendOps.zeros(shape.m(), shape.n());
        opA = shape.opA();
        opB = shape.opB();
        if (!backend.equals(GemmAgreement.REFERENCE_BACKEND)) {
            GemmAgreement.requireAgreement(shape, aValues, bValues, backend, backendOps.toArray(multiply()));
        }
        CompiledStart.await(backend, this::multiply);
    }

    /** @return C, so that JMH consumes the product */
    @Benchmark
    public Object multiply() {
        backendOps.gemm(1, a, opA, b, opB, 0, c);
        return c;
    }

    /** Safe: the benchmark passes the backend only matrices that the backend made. */
    @SuppressWarnings("unchecked")
    private static Backend<Object> matricesAsObjects(Backend<?> backend) {
        return (Backend<Object>) backend;
    }

    private static double[] gaussian(Random random, int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }
}
