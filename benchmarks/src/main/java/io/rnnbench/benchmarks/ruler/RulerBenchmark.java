package io.rnnbench.benchmarks.ruler;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two calibration kernels that use only the JDK, so that the code under test cannot change them: a compute-bound
 * dot product with {@link Math#fma} (a dependency chain of fused multiply-adds over 4 KiB that stays in L1) and a
 * memory-bound sum over 32 MiB (far beyond the last-level cache, so it is limited by DRAM bandwidth). Between the
 * baseline and candidate forks of an A/B run their times should not differ; when one does, the machine (a
 * neighbour, frequency scaling, thermal throttling) changed during the run. Unit: µs per pass (lower is better).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar io.rnnbench.benchmarks.ruler. -f 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime) //                       time per pass
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1) //                      the A/B runner sets its own iteration counts
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"}) // a fresh JVM, as for every benchmark of the project
@Threads(1)
public class RulerBenchmark {
    /** 512 doubles (4 KiB per vector): both vectors stay in L1. */
    static final int DOT_LENGTH = 512;
    /** 4 Mi doubles (32 MiB): beyond any last-level cache of the machines we run on. */
    static final int SUM_LENGTH = 4 << 20;

    /** Inputs, filled from a fixed seed; non-final so that JMH cannot constant-fold them. */
    double[] a;
    double[] b;
    double[] big;

    @Setup(Level.Trial)
    public void fill() {
        SplittableRandom random = new SplittableRandom(20240601L);
        a = random.doubles(DOT_LENGTH, -1, 1).toArray();
        b = random.doubles(DOT_LENGTH, -1, 1).toArray();
        big = random.doubles(SUM_LENGTH, -1, 1).toArray();
    }

    /** Σ aᵢbᵢ as one chain of {@code fma}: latency-bound on the FMA unit, 1024 FLOPs per pass. */
    @Benchmark
    public double fmaDot() {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s = Math.fma(a[i], b[i], s);
        }
        return s;
    }

    /** Σ bigᵢ over 32 MiB: bound by memory bandwidth (four partial sums so that the adds do not limit it). */
    @Benchmark
    public double arraySum() {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        double[] v = big;
        int n = v.length & ~3;
        for (int i = 0; i < n; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
