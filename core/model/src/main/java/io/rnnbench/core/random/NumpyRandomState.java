package io.rnnbench.core.random;

import io.rnnbench.core.spi.Precision;

import java.util.Arrays;
import java.util.List;

/**
 * A port of NumPy's legacy {@code numpy.random.RandomState} stream (the generator behind
 * {@code np.random.seed(s)} and {@code np.random.randn/rand/choice/randint/shuffle/permutation}), so that a Java
 * program seeded with {@code s} draws the numbers a NumPy script seeded with {@code s} draws.
 *
 * <h2>What is reproduced</h2>
 * <ul>
 * <li><b>Generator and seeding.</b> MT19937 (Matsumoto and Nishimura), seeded with {@code init_genrand(seed)}:
 * an integer seed in [0, 2<sup>32</sup>) reaches NumPy's {@code RandomState._legacy_seeding}, which calls
 * {@code mt19937_seed(state, seed)} ({@code numpy/random/src/mt19937/mt19937.c}), i.e. {@code init_genrand} of
 * the reference {@code mt19937ar.c}; array seeds ({@code init_by_array}) are not supported. Reseeding also clears
 * the cached Gaussian, as {@code _reset_state_variables} does. {@link #genrandInt32()} is {@code mt19937_next}
 * (state refill {@code mt19937_gen}, then tempering).</li>
 * <li><b>Uniform doubles.</b> {@link #randomSample()} is {@code mt19937_next_double} (randomkit's
 * {@code rk_double}): {@code ((a >> 5) * 67108864.0 + (b >> 6)) / 9007199254740992.0} from two words, a 53-bit
 * multiple of 2<sup>-53</sup> in [0, 1). Bit-identical to NumPy.</li>
 * <li><b>Gaussians.</b> {@link #gauss()} is {@code legacy_gauss} ({@code numpy/random/src/legacy/legacy-distributions.c},
 * randomkit's {@code rk_gauss}): the Marsaglia polar method, which yields two normals per accepted pair and
 * caches the second one ({@code has_gauss}/{@code gauss}) for the next call.</li>
 * <li><b>Bounded integers.</b> {@link #randint(long, long)} is {@code RandomState.randint} for the default
 * {@code int64} dtype, which always uses the backward-compatible masked rejection sampler
 * ({@code random_bounded_uint64_fill} with {@code use_masked=True}, {@code numpy/random/src/distributions/distributions.c}).
 * {@link #shuffle(int[])} and its overloads are {@code RandomState.shuffle} on a 1-D sequence (Fisher–Yates from
 * the end with {@code random_interval}, randomkit's {@code rk_interval}).</li>
 * <li><b>Sampling.</b> {@link #choice(int, double[])} is {@code RandomState.choice(n, p=p)} for one sample with
 * replacement: {@code cdf = cumsum(p); cdf /= cdf[-1]; searchsorted(cdf, random_sample(), side='right')}, with
 * NumPy's validation of {@code p}. {@link #choice(int)} is {@code choice(n)}, i.e. {@code randint(0, n)}.</li>
 * </ul>
 *
 * <h2>The logarithm</h2>
 * NumPy's {@code legacy_gauss} calls the C library's {@code log} (glibc on Linux), and Java has no bit-for-bit
 * equivalent. This class uses {@link Math#log}, chosen by measurement against NumPy 2.4.6 (glibc 2.36, OpenJDK 17
 * HotSpot on x86-64) over the first 2,000,000 Gaussians of {@code seed(1)}: with {@code Math.log} 708 of them
 * (about 1 in 2,800) differ from NumPy, each by at most 2 ulps, the first at index 2176; with
 * {@link StrictMath#log} (fdlibm) 61,884 differ (about 1 in 32), by up to 3 ulps, the first at index 26. (A
 * correctly rounded logarithm would not do better: glibc's own {@code log} is not correctly rounded on about 1 in
 * 1,300 of these arguments.) When the logarithm differs by an ulp, both Gaussians of the pair may differ from
 * NumPy's by an ulp or two — relative to the value, within 2·2⁻⁵²; counted in ulps of the result, a value just
 * below a power of two can show 3 (seen once: {@code seed(2)}, Gaussian #3248, 0.2457042717187358 vs …588, in
 * seed 002's {@code sample} case); uniform draws, integers, shuffles, choices and the position in the stream are never
 * affected. {@code Math.log} may be a platform-specific intrinsic; on a JVM where it falls back to
 * {@code StrictMath.log}, mismatches are more frequent (up to 3 ulps) but the stream stays aligned.
 *
 * <h2>Use</h2>
 * Instances hold all their state (no global generator) and are <b>not thread-safe</b>: confine an instance to one
 * thread or synchronise externally.
 */
public final class NumpyRandomState implements RandomSource {

    /** The largest seed {@code init_genrand} accepts, 2<sup>32</sup> − 1. */
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908_B0DF;
    private static final int UPPER_MASK = 0x8000_0000;
    private static final int LOWER_MASK = 0x7FFF_FFFF;


    private final int[] key = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /**
     * A generator in the state of {@code np.random.RandomState(seed)}.
     *
     * @param seed in [0, 2<sup>32</sup> − 1]
     * @throws IllegalArgumentException if the seed is outside that range
     */
    public NumpyRandomState(long seed) {
        seed(seed);
    }

    /**
     * Reseeds, as {@code np.random.seed(seed)}: MT19937 {@code init_genrand(seed)} and the cached Gaussian cleared.
     *
     * @param seed in [0, 2<sup>32</sup> − 1]
     * @throws IllegalArgumentException if the seed is outside that range
     */
    public void seed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be between 0 and 2^32 - 1 (" + MAX_SEED + "), got " + seed);
        }
        key[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int prev = key[i - 1];
            key[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
        pos = N;
        hasGauss = false;
        gauss = 0.0;
    }

    /** The next raw 32-bit word of MT19937 ({@code genrand_int32}), in [0, 2<sup>32</sup>). */
    public long genrandInt32() {
        return Integer.toUnsignedLong(next32());
    }

    /** The next 64-bit word as NumPy's {@code mt19937_next64} forms it: the first word high, the second low. */
    private long next64() {
        long hi = Integer.toUnsignedLong(next32());
        long lo = Integer.toUnsignedLong(next32());
        return hi << 32 | lo;
    }

    private int next32() {
        if (pos == N) {
            generate();
        }
        int y = key[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C_5680;
        y ^= (y << 15) & 0xEFC6_0000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code mt19937_gen}: refills the whole state vector. */
    private void generate() {
        int i = 0;
        for (; i < N - M; i++) {
            int y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
            key[i] = key[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; i < N - 1; i++) {
            int y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
            key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        int y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
        key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        pos = 0;
    }

    /** {@code random_sample()}: a uniform double in [0, 1) with 53 random bits (27 from one word, 26 from the next). */
    public double randomSample() {
        long a = genrandInt32() >>> 5;
        long b = genrandInt32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * {@code rand(d0, d1, ...)}: {@link #randomSample()} draws filling an array of the given shape in C (row-major)
     * order, flattened.
     */
    public double[] rand(int... shape) {
        double[] out = new double[size("rand", shape)];
        for (int i = 0; i < out.length; i++) {
            out[i] = randomSample();
        }
        return out;
    }

    /**
     * {@code legacy_gauss}: a standard normal by the polar method. Returns the cached value if there is one;
     * otherwise draws pairs {@code x1 = 2u − 1, x2 = 2u − 1} until {@code 0 < r2 = x1² + x2² < 1}, sets
     * {@code f = sqrt(−2 log(r2) / r2)}, caches {@code f·x1} and returns {@code f·x2}. See the class comment for the
     * logarithm.
     */
    public double gauss() {
        if (hasGauss) {
            double cached = gauss;
            hasGauss = false;
            gauss = 0.0;
            return cached;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code randn(n)}: {@code n} {@link #gauss()} draws. */
    public double[] randn(int n) {
        return randn(new int[] {n});
    }

    /**
     * {@code randn(d0, d1, ...)}: {@link #gauss()} draws filling an array of the given shape in C (row-major) order,
     * flattened; element {@code (i, j)} of a {@code [d0, d1]} shape is at {@code i * d1 + j}.
     */
    public double[] randn(int... shape) {
        double[] out = new double[size("randn", shape)];
        for (int i = 0; i < out.length; i++) {
            out[i] = gauss();
        }
        return out;
    }

    private static int size(String op, int[] shape) {
        int size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": negative dimensions are not allowed, got shape "
                        + Arrays.toString(shape));
            }
            try {
                size = Math.multiplyExact(size, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape)
                        + " has more than " + Integer.MAX_VALUE + " elements", e);
            }
        }
        return size;
    }

    /**
     * {@code randint(low, high)} with the default {@code int64} dtype: a uniform integer in [low, high).
     * Ported from {@code _rand_int64} / {@code random_bounded_uint64_fill} with {@code use_masked=True}:
     * {@code rng = high − 1 − low} (unsigned); if {@code rng == 0} the result is {@code low} and nothing is drawn;
     * otherwise, with {@code mask} the smallest all-ones value ≥ {@code rng}, words {@code & mask} are drawn until
     * one is ≤ {@code rng} — 32-bit words if {@code rng < 2^32}, else 64-bit words (first word high) — and added to
     * {@code low}. NumPy's special cases take one word as is when {@code rng} is 2<sup>32</sup> − 1 (which the
     * masked loop also does, never rejecting) or 2<sup>64</sup> − 1 (unreachable: {@code high ≤ Long.MAX_VALUE}).
     *
     * @throws IllegalArgumentException if {@code low >= high}
     */
    public long randint(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("randint: low >= high (low = " + low + ", high = " + high + ")");
        }
        long rng = high - 1 - low;
        if (rng == 0) {
            return low;
        }
        if (Long.compareUnsigned(rng, 0xFFFF_FFFFL) <= 0) {
            long mask = genMask(rng);
            long value;
            do {
                value = genrandInt32() & mask;
            } while (value > rng);
            return low + value;
        }
        long mask = genMask(rng);
        long value;
        do {
            value = next64() & mask;
        } while (Long.compareUnsigned(value, rng) > 0);
        return low + value;
    }

    /** {@code gen_mask}: the smallest value of the form 2^k − 1 that is ≥ {@code max} (unsigned). */
    private static long genMask(long max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        return mask;
    }

    /**
     * {@code random_interval(max)} (randomkit's {@code rk_interval}) for {@code 0 ≤ max < 2^31}: a uniform integer in
     * [0, max] by masked rejection on 32-bit words; draws nothing when {@code max == 0}.
     */
    private int randomInterval(int max) {
        if (max == 0) {
            return 0;
        }
        int mask = (int) genMask(max);
        int value;
        do {
            value = next32() & mask;
        } while (value > max);
        return value;
    }

    /** {@code shuffle(a)} in place: for i = n−1 down to 1, swap {@code a[i]} with {@code a[random_interval(i)]}. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = randomInterval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code shuffle(a)} in place; the same swaps as {@link #shuffle(int[])}. */
    public void shuffle(double[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = randomInterval(i);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * {@code shuffle(list)} in place; the same swaps as {@link #shuffle(int[])}.
     *
     * @throws UnsupportedOperationException if the list does not support {@code set}
     */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = randomInterval(i);
            list.set(j, list.set(i, list.get(j)));
        }
    }

    /** {@code permutation(n)}: {@code shuffle(arange(n))}. */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: n must be ≥ 0, got " + n);
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a);
        return a;
    }

    /**
     * {@code choice(n)}: a uniform index in [0, n), i.e. {@code randint(0, n)}.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public int choice(int n) {
        requirePopulation(n);
        return (int) randint(0, n);
    }

    /**
     * {@code choice(n, p=p)}: index {@code i} drawn with probability {@code p[i]}, by one {@link #randomSample()}
     * {@code u}: {@code cdf = cumsum(p); cdf /= cdf[n−1]}; the result is the first {@code i} with
     * {@code cdf[i] > u} ({@code searchsorted(cdf, u, side='right')}). {@code p} is checked as NumPy does: its
     * length must be {@code n}, its entries finite and non-negative, and its (Kahan) sum within
     * {@code sqrt(eps) ≈ 1.49e-8} of 1.
     *
     * @throws IllegalArgumentException if {@code n < 1} or {@code p} fails a check
     */
    public int choice(int n, double[] p) {
        return choice(n, p, Precision.FLOAT64);
    }

    /**
     * {@link #choice(int, double[])} of probabilities computed in {@code precision} (a float32 backend's softmax, widened
     * to double): NumPy's {@code choice} checks {@code sum(p)} within {@code max(sqrt(eps(float64)), sqrt(eps(p.dtype)))}
     * of 1, so ≈ 3.45e−4 for float32 {@code p}, where a softmax's sum is only within a few float ulps of 1.
     */
    public int choice(int n, double[] p, Precision precision) {
        double sumTolerance = Math.sqrt(2 * Math.max(precision.unitRoundoff(), Precision.FLOAT64.unitRoundoff()));
        requirePopulation(n);
        if (p.length != n) {
            throw new IllegalArgumentException("choice: 'a' and 'p' must have same size, got n = " + n
                    + " and p.length = " + p.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(p[i])) {
                throw new IllegalArgumentException("choice: probabilities must be finite, got p[" + i + "] = " + p[i]);
            }
            if (p[i] < 0) {
                throw new IllegalArgumentException("choice: probabilities are not non-negative, got p[" + i + "] = "
                        + p[i]);
            }
        }
        double pSum = kahanSum(p);
        if (Math.abs(pSum - 1.0) > sumTolerance) {
            throw new IllegalArgumentException("choice: probabilities do not sum to 1 (within " + sumTolerance
                    + "), sum = " + pSum);
        }
        double[] cdf = new double[n];
        double acc = 0.0;
        for (int i = 0; i < n; i++) {
            acc += p[i];
            cdf[i] = acc;
        }
        double total = cdf[n - 1];
        for (int i = 0; i < n; i++) {
            cdf[i] /= total;
        }
        double u = randomSample();
        int i = 0;
        while (cdf[i] <= u) {
            i++;
        }
        return i;
    }

    private static void requirePopulation(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("choice: a must be greater than 0, got " + n);
        }
    }

    /** NumPy's {@code kahan_sum}, used for the {@code sum(p) ≈ 1} check. */
    private static double kahanSum(double[] x) {
        double sum = x[0];
        double c = 0.0;
        for (int i = 1; i < x.length; i++) {
            double y = x[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    /** {@link #randomSample()}. */
    @Override
    public double nextDouble() {
        return randomSample();
    }

    /** {@link #gauss()}. */
    @Override
    public double nextGaussian() {
        return gauss();
    }

    /**
     * {@code randint(0, bound)}.
     *
     * @throws IllegalArgumentException if {@code bound < 1}
     */
    @Override
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("nextInt: bound must be ≥ 1, got " + bound);
        }
        return (int) randint(0, bound);
    }
}
