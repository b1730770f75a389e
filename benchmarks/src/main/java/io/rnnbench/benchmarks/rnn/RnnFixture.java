package io.rnnbench.benchmarks.rnn;

import io.rnnbench.benchmarks.CompiledStart;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Locale;

/**
 * The state every RNN benchmark shares: the grid parameters and, per trial, a seeded {@link RnnWorkload} on the
 * chosen backend that has passed the {@link AgreementCheck} against the raw backend, with its code compiled
 * ({@link CompiledStart}).
 */
@State(Scope.Thread)
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
    protected RnnWorkload<?> workload;

    @Setup(Level.Trial)
    public void buildAndCheck() {
        CellType cellType = CellType.valueOf(cell.toUpperCase(Locale.ROOT));
        Shape size = Shape.parse(shape);
        workload = build(Backends.byName(backend), cellType, size);
        if (!backend.equals(REFERENCE_BACKEND)) {
            AgreementCheck.requireAgreement(workload, build(Backends.byName(REFERENCE_BACKEND), cellType, size));
        }
        prepare();
        CompiledStart.await(backend, this::operation);
    }

    /** The workload this benchmark times, on {@code backend}. */
    protected abstract RnnWorkload<?> build(Backend<?> backend, CellType cellType, Shape size);

    /** One call of the operation the benchmark times, for {@link CompiledStart}. */
    protected abstract void operation();

    /** Set-up after the check, once per trial (e.g. the forward pass that backward needs); nothing by default. */
    protected void prepare() {
    }
}
