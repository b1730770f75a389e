package io.rnnbench.benchmarks.library;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * C = A·Bᵀ in EJML three ways, to decide whether the core should hand backends an explicitly transposed
 * operand instead of asking for op(B) = Bᵀ:
 * <ul>
 *   <li>{@link #multTransB}: {@code CommonOps_DDRM.multTransB(A, B, C)}, EJML's own call (a dot product per entry);</li>
 *   <li>{@link #transposeThenMult}: {@code transpose(B, Bᵀ)} then {@code mult(A, Bᵀ, C)}, paying the copy each time;</li>
 *   <li>{@link #multPretransposed}: {@code mult(A, Bᵀ, C)} with Bᵀ made once in setup (the copy amortised away).</li>
 * </ul>
 * One operation is one product; unit: µs per product (lower is better). Shapes are those of an RNN's backward
 * pass, dh = dz·Wᵀ, and of a vocabulary head.
 *
 * <p>Run (shaded jar): {@code java -jar benchmarks/target/benchmarks.jar EjmlTransposeBenchmark -f 1 -wi 3 -i 5
 * -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1) // one JVM per shape × method: the three kernels must not share JIT profiles
public class EjmlTransposeBenchmark {
    /** Seed of the input entries. */
    private static final long SEED = 20240601L;

    /**
     * "m:k:n": A is {@code [m, k]}, B is {@code [n, k]}, C = A·Bᵀ is {@code [m, n]}. 32:256:1024 is dh = dz·Wᵀ of an
     * LSTM with B = 32, H = 256 (4H = 1024 gate columns); 1:128:65 a single-sequence step into a 65-symbol
     * vocabulary (tiny Shakespeare); 32:1024:256 the same LSTM with the fused dimension inside.
     */
    @Param({"32:256:1024", "1:128:65", "32:1024:256"})
    public String shape;

    private DMatrixRMaj a; //  [m, k]
    private DMatrixRMaj b; //  [n, k]
    private DMatrixRMaj bt; // [k, n]
    private DMatrixRMaj c; //  [m, n]

    @Setup
    public void setUp() {
        String[] mkn = shape.split(":");
        int m = Integer.parseInt(mkn[0]);
        int k = Integer.parseInt(mkn[1]);
        int n = Integer.parseInt(mkn[2]);
        Random random = new Random(SEED);
        a = randomMatrix(m, k, random);
        b = randomMatrix(n, k, random);
        bt = CommonOps_DDRM.transpose(b, null);
        c = new DMatrixRMaj(m, n);
    }

    @Benchmark
    public DMatrixRMaj multTransB() {
        return CommonOps_DDRM.multTransB(a, b, c);
    }

    @Benchmark
    public DMatrixRMaj transposeThenMult() {
        CommonOps_DDRM.transpose(b, bt);
        return CommonOps_DDRM.mult(a, bt, c);
    }

    @Benchmark
    public DMatrixRMaj multPretransposed() {
        return CommonOps_DDRM.mult(a, bt, c);
    }

    private static DMatrixRMaj randomMatrix(int rows, int cols, Random random) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < matrix.getNumElements(); i++) {
            matrix.data[i] = random.nextGaussian();
        }
        return matrix;
    }
}
