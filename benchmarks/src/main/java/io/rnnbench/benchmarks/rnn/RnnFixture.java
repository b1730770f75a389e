package io.rnnbench.benchmarks.rnn;

import io.rnnbench.benchmarks.CompiledStart;
import io.rnnbench.benchmarks.ForkJvm;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
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

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The state every RNN benchmark shares: the grid parameters and, per trial, a seeded {@link BenchmarkNetwork} on the
 * chosen backend that has passed the {@link AgreementCheck} against the raw backend, with its code compiled
 * ({@link CompiledStart}).
 *
 * <p>The JMH settings below hold for every suite (JMH reads them from the superclass); a suite overrides only what
 * differs, e.g. the cell step's time unit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime) //                       time per operation
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1) //                      overridden by the Maven profiles
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", ForkJvm.VECTOR_API}) // one JVM per backend × shape: backends must not share JIT profiles
@Threads(1) //                                            single-threaded: the backends' own threads aside
public abstract class RnnFixture {
    /** The reference backend of the agreement check. */
    public static final String REFERENCE_BACKEND = "raw";

    /**
     * A backend's registry name. The literal list is the built-in backends, what a bare {@code java -jar
     * benchmarks.jar} run measures; the project's runner ({@code RunBenchmarks}) replaces it with every backend
     * on the class path, so a user's own backend is benchmarked too.
     */
    @Param({"commons-math", "ejml", "raw", "raw-simd"})
    public String backend;

    /** {@code rnn} (tanh) or {@code lstm}. */
    @Param({"rnn", "lstm"})
    public String cell;

    /** A preset ({@code char}, {@code char-deep}, {@code medium}, {@code large}) or sizes, e.g. {@code X64-H128-B8-T20-L2}. */
    @Param({"char", "char-deep", "medium", "large"})
    public String shape;

    /** Built per trial (one fork), never final: JMH must not constant-fold it. */
    protected BenchmarkNetwork<?> network;

    @Setup(Level.Trial)
    public void buildAndCheck() {
        CellType cellType = CellType.valueOf(cell.toUpperCase(Locale.ROOT));
        Shape size = Shape.parse(shape);
        network = build(Backends.byName(backend), cellType, size);
        if (!backend.equals(REFERENCE_BACKEND)) {
            AgreementCheck.requireAgreement(network, build(Backends.byName(REFERENCE_BACKEND), cellType, size));
        }
        prepare();
        CompiledStart.await(backend, this::operation);
    }

    /**
     * The network this benchmark times, on {@code backend}: by default the whole shape with its per-step softmax head
     * over V = X classes and seeded targets (the forward, backward and training-step suites).
     */
    protected BenchmarkNetwork<?> build(Backend<?> backend, CellType cellType, Shape size) {
        return BenchmarkNetwork.create(backend, cellType, size, size.outputSize(), true);
    }

    /** One call of the operation the benchmark times, for {@link CompiledStart}. */
    protected abstract void operation();

    /** Set-up after the check, once per trial (e.g. the forward pass that backward needs); nothing by default. */
    protected void prepare() {
    }
}
