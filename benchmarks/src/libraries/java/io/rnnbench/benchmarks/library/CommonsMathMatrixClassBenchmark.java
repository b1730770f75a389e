package io.rnnbench.benchmarks.library;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.RealMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Which Commons Math 3.6.1 matrix class the {@code commons-math} backend should hold: {@link BlockRealMatrix}
 * or {@link Array2DRowRealMatrix}, each called through the overload its authors made fast (the argument's
 * static type is the class itself: {@code Array2DRowRealMatrix.multiply(RealMatrix)} falls back to the generic
 * {@code getEntry} loop of {@code AbstractRealMatrix}, and {@code BlockRealMatrix.multiply(RealMatrix)} tries a
 * cast and catches the {@link ClassCastException}).
 *
 * <p>One operation is one library call as the backend makes it: a product {@code A·B} of the RNN's shapes
 * ({@code m x k x n} means {@code [m, k]·[k, n]}); the two transposed products of the backward pass, which
 * 3.6.1 can only form through {@code transpose()} (it has no {@code transposeMultiply} or
 * {@code multiplyTransposed}); and one pass of a changing visitor over {@code [32, 1024]}: in place (the walk
 * alone), reading two other matrices with {@code getEntry} (a binary op such as Hadamard), and {@code tanh}.
 * Unit: µs per operation; each result is returned so the JIT cannot drop it.
 *
 * <p>Run (after {@code mvn -pl benchmarks -am package}):
 * {@code java -jar benchmarks/target/benchmarks.jar CommonsMathMatrixClassBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1) // a fresh JVM, so the two classes' call sites do not share profiles with other benchmarks
@Warmup(iterations = 3, time = 1) // short: the largest product takes ~0.1 s and the VM has 2 cores
@Measurement(iterations = 5, time = 1)
public class CommonsMathMatrixClassBenchmark {

    /** Seed of every input; the data do not change the timing but make runs repeatable. */
    static final long SEED = 20240601L;

    /** Both classes holding the same uniform(−1, 1) entries. */
    static final class Pair {
        final BlockRealMatrix block;
        final Array2DRowRealMatrix array2d;

        Pair(int rows, int cols, Random random) {
            double[][] data = new double[rows][cols];
            for (double[] row : data) {
                for (int j = 0; j < cols; j++) {
                    row[j] = 2 * random.nextDouble() - 1;
                }
            }
            block = new BlockRealMatrix(data);
            array2d = new Array2DRowRealMatrix(data);
        }
    }

    /** Forward products: a batch of inputs or hidden states times a weight matrix. */
    @State(Scope.Thread)
    public static class Product {
        /** m x k x n: char model h·W_hy and h·W_hh (B = 1), then LSTM layers [B, X]·[X, 4H]. */
        @Param({"1x128x512", "1x128x65", "32x128x1024", "32x256x1024", "64x512x2048"})
        String mkn;

        Pair a; // [m, k]
        Pair b; // [k, n]

        @Setup
        public void setUp() {
            String[] size = mkn.split("x");
            int m = Integer.parseInt(size[0]);
            int k = Integer.parseInt(size[1]);
            int n = Integer.parseInt(size[2]);
            Random random = new Random(SEED);
            a = new Pair(m, k, random);
            b = new Pair(k, n, random);
        }
    }

    /** Backward pass of an LSTM layer with B = 32, X + H = 256, 4H = 1024. */
    @State(Scope.Thread)
    public static class Backward {
        Pair xh; // [B, X+H]   the layer input
        Pair dz; // [B, 4H]    gradient at the gate pre-activations
        Pair w;  // [X+H, 4H]  fused gate weights

        @Setup
        public void setUp() {
            Random random = new Random(SEED);
            xh = new Pair(32, 256, random);
            dz = new Pair(32, 1024, random);
            w = new Pair(256, 1024, random);
        }
    }

    /** One LSTM layer's gate block [B, 4H] = [32, 1024] and two operands of the same shape. */
    @State(Scope.Thread)
    public static class Elementwise {
        Pair out;
        Pair a;
        Pair b;

        @Setup
        public void setUp() {
            Random random = new Random(SEED);
            out = new Pair(32, 1024, random);
            a = new Pair(32, 1024, random);
            b = new Pair(32, 1024, random);
        }
    }

    // ---- forward products A·B --------------------------------------------------------------------

    @Benchmark
    public BlockRealMatrix blockProduct(Product p) {
        return p.a.block.multiply(p.b.block);
    }

    @Benchmark
    public Array2DRowRealMatrix array2dProduct(Product p) {
        return p.a.array2d.multiply(p.b.array2d);
    }

    // ---- backward products -----------------------------------------------------------------------

    /** dW = [x, h]ᵀ · dz: [32, 256]ᵀ · [32, 1024] = [256, 1024]. */
    @Benchmark
    public BlockRealMatrix blockTransposeA(Backward s) {
        return s.xh.block.transpose().multiply(s.dz.block);
    }

    /** dW = [x, h]ᵀ · dz; {@code AbstractRealMatrix.transpose()} is typed {@code RealMatrix}, hence the cast. */
    @Benchmark
    public Array2DRowRealMatrix array2dTransposeA(Backward s) {
        return ((Array2DRowRealMatrix) s.xh.array2d.transpose()).multiply(s.dz.array2d);
    }

    /** d[x, h] = dz · Wᵀ: [32, 1024] · [256, 1024]ᵀ = [32, 256]. */
    @Benchmark
    public BlockRealMatrix blockTransposeB(Backward s) {
        return s.dz.block.multiply(s.w.block.transpose());
    }

    @Benchmark
    public Array2DRowRealMatrix array2dTransposeB(Backward s) {
        return s.dz.array2d.multiply((Array2DRowRealMatrix) s.w.array2d.transpose());
    }

    // ---- one visitor pass over [32, 1024] --------------------------------------------------------

    /**
     * x = −x in place: the cost of the walk itself. (With α = 1 the JIT drops the stores and measures nothing;
     * −1 keeps the magnitudes from call to call.)
     */
    @Benchmark
    public double blockScaleInPlace(Elementwise s) {
        return s.out.block.walkInOptimizedOrder(scaleBy(-1.0));
    }

    @Benchmark
    public double array2dScaleInPlace(Elementwise s) {
        return s.out.array2d.walkInOptimizedOrder(scaleBy(-1.0));
    }

    /** out = a ⊙ b: a binary op, the output's visitor reading both operands with getEntry. */
    @Benchmark
    public double blockHadamard(Elementwise s) {
        return s.out.block.walkInOptimizedOrder(hadamardOf(s.a.block, s.b.block));
    }

    @Benchmark
    public double array2dHadamard(Elementwise s) {
        return s.out.array2d.walkInOptimizedOrder(hadamardOf(s.a.array2d, s.b.array2d));
    }

    /** out = tanh(a): a transcendental per entry, for scale against the walk. */
    @Benchmark
    public double blockTanh(Elementwise s) {
        return s.out.block.walkInOptimizedOrder(tanhOf(s.a.block));
    }

    @Benchmark
    public double array2dTanh(Elementwise s) {
        return s.out.array2d.walkInOptimizedOrder(tanhOf(s.a.array2d));
    }

    private static DefaultRealMatrixChangingVisitor scaleBy(double alpha) {
        return new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return alpha * value;
            }
        };
    }

    private static DefaultRealMatrixChangingVisitor hadamardOf(RealMatrix a, RealMatrix b) {
        return new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return a.getEntry(row, column) * b.getEntry(row, column);
            }
        };
    }

    private static DefaultRealMatrixChangingVisitor tanhOf(RealMatrix a) {
        return new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return Math.tanh(a.getEntry(row, column));
            }
        };
    }
}
