package io.rnnbench.core.random;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.rnnbench.core.spi.Precision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks {@link NumpyRandomState} against draws of NumPy 2.4.6's legacy {@code RandomState}.
 *
 * <p>Three sources of expected values, none computed by this class:
 * <ul>
 * <li>{@code numpy/rng_vectors.json}: the {@code rng_vectors} object of {@code shared/fixtures/seed002_fixtures.json};</li>
 * <li>{@link #SAMPLE_CASE}: the per-step seeds, uniforms, probabilities and indices of that file's {@code sample}
 * case ({@code np.random.seed(s); np.random.choice(27, p=p)});</li>
 * <li>constants in the integer tests, printed by NumPy 2.4.6 for the Python expression quoted next to each.</li>
 * </ul>
 * Uniform words and doubles must match bit for bit; Gaussians within 2 ulps (NumPy takes glibc's {@code log}).
 */
class NumpyRandomStateTest {

    /**
     * Copied from {@code shared/fixtures/seed002_fixtures.json}, case {@code sample}, {@code expected}: step seeds
     * 0, 2, …, 98 ({@code u[k]} is the first {@code random_sample()} after {@code seed(2k)}), the first five rows
     * of {@code probs_first_steps} (the {@code p} passed to {@code choice(27, p=p)} at steps 0..4) and the first
     * five {@code indices} NumPy returned.
     */
    private static final String SAMPLE_CASE = """
            {
            "u": [0.5488135039273248, 0.43599490214200376, 0.9670298390136767, 0.8928601514360016, 0.8734294027918162,
              0.771320643266746, 0.15416284237967237, 0.5139433437726902, 0.22329107915353885, 0.6503742417395917,
              0.5881308010772742, 0.20846053735884262, 0.9600173033359185, 0.30793495262497084, 0.7290137422891191,
              0.644143536068335, 0.8588892672930397, 0.038561680881409655, 0.7285071915957256, 0.38477311951674376,
              0.4076870280802861, 0.3745401188473625, 0.8348421486656494, 0.7838323508057506, 0.01749027093115263,
              0.49460164553802144, 0.8231103407097919, 0.42018296714077386, 0.9841918505425767, 0.3651055830226939,
              0.30087333004661876, 0.03375471042320832, 0.3790985254337701, 0.1542875781312758, 0.2593714699484434,
              0.9274805386189587, 0.10673820225531072, 0.20220229343024132, 0.3108297997563553, 0.04818122750023768,
              0.5219157165002548, 0.27522566980133767, 0.046040993631485505, 0.20260695362889047, 0.6475510493530234,
              0.1530541987661469, 0.8858804994376257, 0.7193857862439584, 0.21468688901682664, 0.7322672480688519],
            "p0": [0.00023044525286978083, 0.0006863153358345045, 0.0002237710146331223, 3.2298725530946615e-06,
              3.920997527375959e-11, 8.958149055068375e-07, 6.986985979017545e-05, 5.3159428067077734e-08,
              7.634036351187939e-14, 0.007457343815664635, 7.464774483887061e-07, 4.4598902294947344e-08,
              0.7200706441969216, 7.102031171020322e-06, 1.7459336686714774e-07, 1.6699308940536438e-06,
              0.12442343838052966, 7.341971989057751e-06, 3.2582288125107315e-06, 5.8348199018110515e-06,
              3.6722888272465e-08, 4.338754704102693e-05, 9.735254123319424e-07, 1.3382417278258545e-05,
              0.02448452315280987, 0.12226550380005509, 1.3439612721447821e-08],
            "p1": [2.0925825660503938e-10, 1.2804400734564526e-06, 0.0017252465117295066, 0.002571012551834519,
              2.1823467168767916e-08, 0.001262773517968545, 0.0001823681117275649, 0.004053568320910653,
              2.5653771904058603e-15, 4.348398501740867e-06, 1.2784167083818571e-12, 2.0540543617351773e-05,
              1.238980780640054e-13, 1.3454745270259415e-07, 3.2657831466791685e-07, 1.5760535125105567e-15,
              9.455390335800913e-09, 0.6459056284970217, 0.00011657407036991591, 0.0014666528699097431,
              1.1735445598601853e-08, 0.00021464347725075827, 1.97313656325285e-12, 0.3399050011856568,
              6.754478138274159e-07, 0.002569180292579616, 1.410325912178809e-09],
            "p2": [0.0012978505866859601, 0.0483472866295075, 0.17463316434912812, 1.1069714422895514e-05,
              2.9837375639550017e-09, 8.950370267465497e-07, 5.767694469965888e-07, 8.706313869628522e-08,
              7.806408581680345e-07, 3.102839902897474e-08, 1.5601726770231393e-09, 1.269802702178086e-07,
              4.037110204548952e-06, 1.4166838918817717e-08, 3.286886437673779e-08, 0.0005461294604797468,
              0.0001161671154608132, 0.6390027628571672, 1.7165291490433074e-08, 8.855600188271541e-16,
              0.0004978636175008132, 2.339952633734389e-07, 1.6788414100440893e-08, 0.015175910635706493,
              0.12036493961669674, 3.2869192927972645e-12, 1.2560289798873072e-09],
            "p3": [3.856936629652336e-07, 0.004895421233173495, 0.0001524730503287416, 1.1787508163369398e-07,
              1.2817525123376708e-10, 3.323182577919056e-08, 4.8806951008213e-19, 3.876611660588135e-12,
              0.0612775498426368, 3.92595811795912e-12, 9.179144887407898e-09, 2.1099898368458208e-12,
              4.330292262072373e-07, 9.56502514648038e-10, 0.9190824824340724, 9.982353621059311e-12,
              1.3857899042613249e-07, 5.790726308452854e-12, 1.469587516545088e-12, 1.8989694589318176e-09,
              3.081325450976101e-11, 2.927363572378666e-10, 1.8981423575299177e-13, 4.976819868582987e-05,
              0.014541041499880766, 1.4281763267579194e-07, 1.1156925857696819e-12],
            "p4": [2.1011221248762178e-10, 0.00044663535926237925, 2.667125283901072e-05, 1.905420118050647e-07,
              1.0737625088521673e-07, 5.1781291729509706e-09, 1.588481795159458e-12, 0.016506310789603143,
              9.76175269314694e-12, 0.03539741342677623, 3.127984657041741e-11, 7.992756951181724e-09,
              3.693079256886218e-09, 0.9105751004487261, 0.0005433417036478848, 1.2478379951420626e-14,
              0.0036257421279068387, 0.00047835353428470496, 1.8924591165496638e-15, 0.03239193204355988,
              3.5495968830909593e-09, 1.3625153395626367e-13, 3.4648999387952962e-06, 4.6478648169133e-06,
              5.98839036093178e-08, 7.997676720343325e-09, 8.233985075318999e-11],
            "indices": [12, 17, 24, 14, 13]
            }
            """;


    private static Map<String, double[]> vectors;
    private static Map<String, double[]> sampleCase;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = NumpyRandomStateTest.class.getResourceAsStream("/numpy/rng_vectors.json")) {
            assertNotNull(in, "test resource numpy/rng_vectors.json is missing");
            vectors = parseArrays(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        sampleCase = parseArrays(SAMPLE_CASE);
    }

    /** Every array member of a JSON object; Gson keeps the numbers' text, so each value is parseDouble's exact one. */
    private static Map<String, double[]> parseArrays(String json) {
        Map<String, double[]> arrays = new HashMap<>();
        for (Map.Entry<String, JsonElement> member : JsonParser.parseString(json).getAsJsonObject().entrySet()) {
            if (member.getValue().isJsonArray()) {
                JsonArray values = member.getValue().getAsJsonArray();
                double[] array = new double[values.size()];
                for (int i = 0; i < array.length; i++) {
                    array[i] = values.get(i).getAsDouble();
                }
                arrays.put(member.getKey(), array);
            }
        }
        return arrays;
    }

    private static double[] vector(String name) {
        double[] v = vectors.get(name);
        assertNotNull(v, "no vector " + name + " in rng_vectors.json");
        return v;
    }

    private static void assertBitsEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    () -> what + ": differs from NumPy, expected " + Arrays.toString(expected) + ", got "
                            + Arrays.toString(actual));
        }
    }

    private static void assertWithin2Ulps(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            int k = i;
            assertTrue(Math.abs(actual[i] - expected[i]) <= 2 * Math.ulp(expected[i]),
                    () -> what + "[" + k + "]: expected " + expected[k] + " within 2 ulps, got " + actual[k]);
        }
    }

    // ----- fixture vectors -----

    @Test
    void genrandInt32MatchesNumpyForSeed1() {
        double[] expected = vector("seed1_genrand_int32_first8");
        NumpyRandomState rs = new NumpyRandomState(1);
        for (double e : expected) {
            assertEquals((long) e, rs.genrandInt32());
        }
    }

    @Test
    void randomSampleMatchesNumpyBitForBitForSeed0() {
        NumpyRandomState rs = new NumpyRandomState(0);
        double[] actual = new double[5];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = rs.randomSample();
        }
        assertBitsEqual(vector("seed0_random_sample_first5"), actual, "seed(0) random_sample");
    }

    @Test
    void randnMatchesNumpyForSeed1() {
        assertWithin2Ulps(vector("seed1_randn_first10"), new NumpyRandomState(1).randn(10), "seed(1) randn(10)");
    }

    @Test
    void randnMatchesNumpyAroundTheFirstLogDifference() {
        double[] draws = new NumpyRandomState(1).randn(2180);
        assertWithin2Ulps(vector("seed1_randn_2170_to_2179"), Arrays.copyOfRange(draws, 2170, 2180),
                "seed(1) randn[2170:2180]");
    }

    @Test
    void randnAfterRandReturnsTheCachedGaussian() {
        double[] expected = vector("seed3_randn3_rand2_randn1");
        NumpyRandomState rs = new NumpyRandomState(3);
        double[] normals = rs.randn(3);
        double[] uniforms = rs.rand(2);
        double[] cached = rs.randn(1);
        assertWithin2Ulps(Arrays.copyOfRange(expected, 0, 3), normals, "seed(3) randn(3)");
        assertBitsEqual(Arrays.copyOfRange(expected, 3, 5), uniforms, "seed(3) rand(2) after randn(3)");
        assertWithin2Ulps(Arrays.copyOfRange(expected, 5, 6), cached, "seed(3) randn(1) after rand(2)");
    }

    @Test
    void largestSeedMatchesNumpy() {
        assertWithin2Ulps(vector("seed4294967295_randn3"), new NumpyRandomState(4294967295L).randn(3),
                "seed(2^32 - 1) randn(3)");
    }

    // ----- the sample case: choice with p -----

    @Test
    void firstUniformAfterEachSampleStepSeedMatchesNumpy() {
        double[] u = sampleCase.get("u");
        NumpyRandomState rs = new NumpyRandomState(0);
        for (int k = 0; k < u.length; k++) {
            rs.seed(2L * k);
            assertBitsEqual(new double[] {u[k]}, new double[] {rs.randomSample()}, "seed(" + 2 * k + ") random_sample");
        }
    }

    @Test
    void choiceWithProbabilitiesReproducesTheSampleCaseIndices() {
        double[] indices = sampleCase.get("indices");
        NumpyRandomState rs = new NumpyRandomState(0);
        for (int k = 0; k < indices.length; k++) {
            rs.seed(2L * k);
            assertEquals((int) indices[k], rs.choice(27, sampleCase.get("p" + k)), "step " + k);
        }
    }

    @Test
    void choiceWithProbabilitiesMatchesNumpy() {
        // np.random.seed(9); [int(np.random.choice(5, p=[0.1, 0.0, 0.25, 0.15, 0.5])) for _ in range(10)]
        int[] expected = {0, 4, 3, 2, 2, 2, 3, 2, 0, 2};
        double[] p = {0.1, 0.0, 0.25, 0.15, 0.5};
        NumpyRandomState rs = new NumpyRandomState(9);
        assertArrayEquals(expected, IntStream.range(0, expected.length).map(i -> rs.choice(5, p)).toArray());
    }

    @Test
    void uniformChoiceMatchesNumpy() {
        // np.random.seed(5); [int(np.random.choice(27)) for _ in range(8)]
        int[] expected = {3, 14, 15, 6, 22, 16, 9, 8};
        NumpyRandomState rs = new NumpyRandomState(5);
        assertArrayEquals(expected, IntStream.range(0, expected.length).map(i -> rs.choice(27)).toArray());
    }

    // ----- seeding -----

    @Test
    void reseedingClearsTheCachedGaussian() {
        double first = new NumpyRandomState(3).gauss();
        NumpyRandomState rs = new NumpyRandomState(3);
        rs.randn(3); // leaves the 4th normal cached
        rs.seed(3);
        assertEquals(Double.doubleToLongBits(first), Double.doubleToLongBits(rs.gauss()),
                "after seed(3) the first gauss must be the stream's first, not the cached value");
    }

    @Test
    void reseedingRestartsTheStream() {
        NumpyRandomState rs = new NumpyRandomState(1);
        long[] first = {rs.genrandInt32(), rs.genrandInt32()};
        rs.randn(1000);
        rs.seed(1);
        assertArrayEquals(first, new long[] {rs.genrandInt32(), rs.genrandInt32()});
    }

    @Test
    void rejectsSeedsOutsideTheUnsigned32BitRange() {
        for (long bad : new long[] {-1L, 4294967296L, Long.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(bad));
            assertTrue(e.getMessage().contains(Long.toString(bad)) && e.getMessage().contains("2^32 - 1"),
                    e.getMessage());
            NumpyRandomState rs = new NumpyRandomState(0);
            assertThrows(IllegalArgumentException.class, () -> rs.seed(bad));
        }
    }

    // ----- choice validation -----

    @Test
    void choiceRejectsBadProbabilities() {
        NumpyRandomState rs = new NumpyRandomState(0);
        assertMessage("same size", () -> rs.choice(3, new double[] {0.5, 0.5}));
        assertMessage("non-negative", () -> rs.choice(3, new double[] {0.7, -0.1, 0.4}));
        assertMessage("finite", () -> rs.choice(2, new double[] {Double.NaN, 1.0}));
        assertMessage("finite", () -> rs.choice(2, new double[] {Double.POSITIVE_INFINITY, 1.0}));
        assertMessage("sum to 1", () -> rs.choice(2, new double[] {0.5, 0.6}));
        assertMessage("sum to 1", () -> rs.choice(2, new double[] {0.5, 0.5 + 2e-8}));
        assertMessage("greater than 0", () -> rs.choice(0, new double[0]));
        assertMessage("greater than 0", () -> rs.choice(0));
    }

    /**
     * Float32 probabilities get NumPy's float32 tolerance on their sum, sqrt(2^−23) ≈ 3.45e−4
     * ({@code np.random.choice(2, p=np.float32([0.5, 0.5001]))} draws), float64 ones sqrt(2^−52) ≈ 1.49e−8.
     */
    @Test
    void choiceChecksTheSumAtThePrecisionOfP() {
        double[] p = {0.5, 0.5 + 1e-4};
        assertMessage("sum to 1", () -> new NumpyRandomState(0).choice(2, p));
        assertEquals(new NumpyRandomState(0).choice(2, new double[] {0.5, 0.5}), new NumpyRandomState(0).choice(2, p, Precision.FLOAT32));
        assertMessage("within 3.45", () -> new NumpyRandomState(0).choice(2, new double[] {0.5, 0.5 + 4e-4}, Precision.FLOAT32));
    }

    @Test
    void choiceAcceptsSumsWithinNumpysTolerance() {
        NumpyRandomState rs = new NumpyRandomState(0);
        int i = rs.choice(2, new double[] {0.5, 0.5 + 1e-8});
        assertTrue(i == 0 || i == 1);
    }

    private static void assertMessage(String fragment, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    // ----- randint -----

    @Test
    void randintSmallRangeMatchesNumpy() {
        // np.random.seed(7); [int(np.random.randint(0, 10)) for _ in range(12)]
        long[] expected = {4, 9, 6, 3, 3, 7, 7, 9, 7, 8, 9, 8};
        NumpyRandomState rs = new NumpyRandomState(7);
        assertArrayEquals(expected, draws(expected.length, () -> rs.randint(0, 10)));
        // np.random.seed(7); [int(np.random.randint(-5, 3)) for _ in range(8)]
        long[] shifted = {2, -1, -4, 1, -2, -2, 2, 2};
        rs.seed(7);
        assertArrayEquals(shifted, draws(shifted.length, () -> rs.randint(-5, 3)));
        rs.seed(7);
        assertArrayEquals(Arrays.stream(expected).mapToInt(v -> (int) v).toArray(),
                IntStream.range(0, expected.length).map(i -> rs.nextInt(10)).toArray(), "nextInt(10) = randint(0, 10)");
    }

    @Test
    void randintWideRangesMatchNumpy() {
        NumpyRandomState rs = new NumpyRandomState(11);
        // np.random.seed(11); [int(np.random.randint(0, 2**40)) for _ in range(4)]
        assertArrayEquals(new long[] {657423371967L, 346452335707L, 348726071223L, 59812929868L},
                draws(4, () -> rs.randint(0, 1L << 40)));
        rs.seed(11);
        // np.random.seed(11); [int(np.random.randint(-2**62, 2**62)) for _ in range(4)]
        assertArrayEquals(new long[] {-1286297105190842689L, -4252431242715521957L, 3933187637257539511L,
                -462387460620361396L}, draws(4, () -> rs.randint(-(1L << 62), 1L << 62)));
        rs.seed(11);
        // np.random.seed(11); [int(np.random.randint(5, 5 + 2**32)) for _ in range(3)]
        assertArrayEquals(new long[] {774252446L, 293375684L, 83645525L}, draws(3, () -> rs.randint(5, 5 + (1L << 32))));
        rs.seed(11);
        // np.random.seed(11); [int(np.random.randint(-2**63, 2**63 - 1)) for _ in range(3)]
        assertArrayEquals(new long[] {-5897983123618230593L, -8864117261142909861L, -678498381169848393L},
                draws(3, () -> rs.randint(Long.MIN_VALUE, Long.MAX_VALUE)));
    }

    @Test
    void randintOfASingleValueDrawsNothing() {
        NumpyRandomState rs = new NumpyRandomState(11);
        assertEquals(4, rs.randint(4, 5));
        // np.random.seed(11); np.random.randint(4, 5); np.random.random_sample()
        assertEquals(0.1802696888767692, rs.randomSample());
    }

    @Test
    void randintStaysInRangeAndCoversIt() {
        NumpyRandomState rs = new NumpyRandomState(123);
        boolean[] seen = new boolean[8];
        for (int i = 0; i < 10_000; i++) {
            long v = rs.randint(-5, 3);
            assertTrue(v >= -5 && v < 3, "randint(-5, 3) gave " + v);
            seen[(int) (v + 5)] = true;
        }
        for (boolean s : seen) {
            assertTrue(s, "randint(-5, 3) never gave some value in 10,000 draws");
        }
        assertMessage("low >= high", () -> rs.randint(3, 3));
        assertMessage("bound", () -> rs.nextInt(0));
    }

    private interface LongDraw {
        long draw();
    }

    private static long[] draws(int n, LongDraw draw) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = draw.draw();
        }
        return out;
    }

    // ----- shuffle / permutation -----

    /** np.random.seed(42); a = np.arange(10); np.random.shuffle(a) — the same for a list and a float array. */
    private static final int[] SEED42_SHUFFLED_ARANGE10 = {8, 1, 5, 0, 7, 2, 9, 4, 3, 6};

    @Test
    void shuffleMatchesNumpy() {
        int[] ints = IntStream.range(0, 10).toArray();
        new NumpyRandomState(42).shuffle(ints);
        assertArrayEquals(SEED42_SHUFFLED_ARANGE10, ints);

        double[] doubles = IntStream.range(0, 10).asDoubleStream().toArray();
        new NumpyRandomState(42).shuffle(doubles);
        assertArrayEquals(Arrays.stream(SEED42_SHUFFLED_ARANGE10).asDoubleStream().toArray(), doubles);

        List<Integer> list = new ArrayList<>(IntStream.range(0, 10).boxed().toList());
        new NumpyRandomState(42).shuffle(list);
        assertEquals(Arrays.stream(SEED42_SHUFFLED_ARANGE10).boxed().toList(), list);

        // np.random.seed(42); np.random.permutation(10)
        assertArrayEquals(SEED42_SHUFFLED_ARANGE10, new NumpyRandomState(42).permutation(10));
    }

    @Test
    void shuffleIsAPermutation() {
        NumpyRandomState rs = new NumpyRandomState(2024);
        for (int n : new int[] {0, 1, 2, 3, 17, 1000}) {
            int[] a = rs.permutation(n);
            int[] sorted = a.clone();
            Arrays.sort(sorted);
            assertArrayEquals(IntStream.range(0, n).toArray(), sorted, "permutation(" + n + ")");
        }
    }

    // ----- shapes and the RandomSource view -----

    @Test
    void randnFillsShapesInCOrder() {
        double[] matrix = new NumpyRandomState(1).randn(2, 3);
        double[] flat = new NumpyRandomState(1).randn(6);
        assertArrayEquals(flat, matrix);
        assertEquals(1, new NumpyRandomState(1).randn().length, "randn() of shape () has one element");
        assertMessage("negative", () -> new NumpyRandomState(1).randn(2, -1));
    }

    @Test
    void randomSourceMethodsAreTheNumpyDraws() {
        RandomSource source = new NumpyRandomState(3);
        NumpyRandomState reference = new NumpyRandomState(3);
        for (int i = 0; i < 5; i++) {
            assertEquals(Double.doubleToLongBits(reference.gauss()), Double.doubleToLongBits(source.nextGaussian()));
            assertEquals(Double.doubleToLongBits(reference.randomSample()), Double.doubleToLongBits(source.nextDouble()));
            assertEquals(reference.randint(0, 1000), source.nextInt(1000));
        }
    }
}
