package io.rnnbench.verification.golden;

import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.verification.ToleranceClass;
import io.rnnbench.verification.VerificationReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Turns fixture files into JUnit dynamic tests for one backend, dispatching on the file's top-level {@code kind}:
 * {@value #KIND_SEED002} ({@link Seed002Case}s) or {@value #KIND_DINOS} ({@link DinosTrajectory}). The built-in
 * fixtures are class-path resources; extra files are named by the system property {@value #PROPERTY}
 * (comma-separated paths). A file that cannot be read or parsed becomes one failing test that says what and where.
 */
public final class GoldenFixtures {
    private GoldenFixtures() {
    }

    /** System property: extra fixture files, comma-separated paths. */
    public static final String PROPERTY = "rnnbench.fixtures";
    /** System property: when "true", every comparison's worst error and the dinos durations are printed. */
    public static final String SUMMARY_PROPERTY = "rnnbench.golden.summary";
    public static final String KIND_SEED002 = "seed002-cases";
    public static final String KIND_DINOS = "dinos-trajectory";
    /** Seed 002's 13 test blocks, copied from ../shared/fixtures/seed002_fixtures.json. */
    public static final String SEED002_RESOURCE = "/golden/seed002_fixtures.json";
    /** Nine more seed-002 cases on other shapes and seeds, copied from ../shared/fixtures/seed002_fixtures_extra.json. */
    public static final String SEED002_EXTRA_RESOURCE = "/golden/seed002_fixtures_extra.json";
    /** The NumPy dinosaur-name trajectory, copied from ../shared/fixtures/dinos_numpy_trajectory.json. */
    public static final String DINOS_RESOURCE = "/golden/dinos_numpy_trajectory.json";

    /** The tests of a class-path fixture. */
    public static Stream<DynamicNode> resource(String backend, String resource) {
        FixtureValue root;
        try (InputStream in = GoldenFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Stream.of(failing("read " + resource, "class-path resource " + resource + " not found"));
            }
            root = FixtureReader.parseFixture(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException | IllegalArgumentException e) {
            return Stream.of(failing("read " + resource, e.getMessage()));
        }
        return tests(backend, root);
    }

    /** The tests of every file named by {@value #PROPERTY}, one container per file. */
    public static Stream<DynamicNode> extraFiles(String backend) {
        return extraFiles(backend, System.getProperty(PROPERTY, ""));
    }

    /** The tests of every file in {@code paths} (comma-separated), one container per file. */
    public static Stream<DynamicNode> extraFiles(String backend, String paths) {
        String property = paths.trim();
        if (property.isEmpty()) {
            return Stream.empty();
        }
        List<DynamicNode> containers = new ArrayList<>();
        for (String entry : property.split(",")) {
            String path = entry.trim();
            if (path.isEmpty()) {
                continue;
            }
            VerificationReport.fixtureFilePassedIn(path);
            Stream<DynamicNode> tests;
            try {
                long size = Files.size(Path.of(path));
                if (size > FixtureReader.MAX_BYTES) {
                    throw new IllegalArgumentException(path + ": " + size + " bytes, more than the " + FixtureReader.MAX_BYTES
                            + " bytes a fixture file may have");
                }
                String text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
                tests = tests(backend, FixtureReader.parseFixture(text, path));
            } catch (IOException | UncheckedIOException e) {
                tests = Stream.of(failing("read", "-D" + PROPERTY + ": cannot read " + path + ": " + e));
            } catch (IllegalArgumentException e) {
                tests = Stream.of(failing("parse", e.getMessage()));
            }
            containers.add(DynamicContainer.dynamicContainer(path, tests));
        }
        return containers.stream();
    }

    /** Dispatches on the document's {@code kind}. */
    public static Stream<DynamicNode> tests(String backend, FixtureValue root) {
        String kind;
        try {
            kind = root.get("kind").asString();
        } catch (IllegalArgumentException e) {
            return Stream.of(failing("kind", e.getMessage()));
        }
        try {
            return switch (kind) {
                case KIND_SEED002 -> seed002(backend, root);
                case KIND_DINOS -> dinos(backend, root);
                default -> Stream.of(failing("kind", root.source() + ": unknown kind \"" + kind + "\"; known kinds: "
                        + KIND_SEED002 + ", " + KIND_DINOS));
            };
        } catch (IllegalArgumentException e) {
            return Stream.of(failing("structure", e.getMessage()));
        }
    }

    // ---- seed002-cases ------------------------------------------------------------------------------------

    private static Stream<DynamicNode> seed002(String backend, FixtureValue root) {
        String document = root.has("source") ? root.get("source").asString() : "seed 002";
        List<DynamicNode> nodes = new ArrayList<>();
        if (root.has("rng_vectors")) {
            nodes.add(DynamicTest.dynamicTest("[seed 002] NumpyRandomState reproduces rng_vectors", () -> rngVectors(root.get("rng_vectors"))));
        }
        for (FixtureValue caseNode : root.get("cases").list()) {
            Seed002Case c;
            try {
                c = new Seed002Case(caseNode);
            } catch (IllegalArgumentException e) {
                nodes.add(failing(caseNode.path(), e.getMessage()));
                continue;
            }
            nodes.add(DynamicContainer.dynamicContainer("[seed 002] " + c.id(), caseTests(backend, c)));
        }
        return Stream.of(DynamicContainer.dynamicContainer(document + " [" + backend + "]", nodes));
    }

    private static Stream<DynamicNode> caseTests(String backend, Seed002Case c) {
        List<DynamicNode> tests = new ArrayList<>();
        if (c.seed() != null) {
            tests.add(DynamicTest.dynamicTest(c.id() + ": inputs regenerate from seed " + c.seed() + " + " + c.draws().size()
                    + " draws (≤ " + GoldenTolerances.DRAW_ULPS + "·2^-52 relative)" + externalNote(c), () -> checkInputs(c)));
        }
        Seed002Dispatch.Plan plan = Seed002Dispatch.plan(c);
        List<String> compared = new ArrayList<>();
        boolean corrected = false;
        for (String key : plan.compared()) {
            compared.add(c.hasCorrected(key) ? key + "*" : key);
            corrected |= c.hasCorrected(key);
        }
        List<String> functions = c.functions().stream().map(FunctionCall::entry).toList();
        String name = c.id() + " " + functions + ": " + String.join(", ", compared) + " on " + backend
                + (corrected ? " (* vs expected_corrected: the seed's printed code is buggy there)" : "");
        tests.add(DynamicTest.dynamicTest(name, () -> {
            boolean passed = false;
            VerificationReport.caseCoverage(c.source(), c.id(), plan.steps(), compared, plan.notCompared());
            try {
                CaseChecks checks = new CaseChecks(backend, "seed 002 " + c.id(), ToleranceClass.of(backend));
                Seed002Dispatch.run(resolve(backend), c, checks);
                summary(c.id(), checks);
                checks.assertAllPassed();
                passed = true;
            } finally {
                VerificationReport.fixtureCase(backend, c.source(), passed);
            }
        }));
        if (!plan.notCompared().isEmpty()) {
            Map<String, List<String>> byReason = plan.notCompared().entrySet().stream().collect(Collectors.groupingBy(
                    Map.Entry::getValue, java.util.LinkedHashMap::new, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
            for (Map.Entry<String, List<String>> r : byReason.entrySet()) {
                tests.add(DynamicTest.dynamicTest(c.id() + ": " + String.join(", ", r.getValue()) + " not compared",
                        () -> Assumptions.abort(String.join(", ", r.getValue()) + " not compared: " + r.getKey())));
            }
        }
        return tests.stream();
    }

    private static String externalNote(Seed002Case c) {
        return c.externalInputs().isEmpty() ? "" : "; given, not drawn here: " + String.join(", ", c.externalInputs());
    }

    /** Every draw regenerated from seed + draws is within DRAW_ULPS of the stored input (or expected scalar). */
    private static void checkInputs(Seed002Case c) {
        CaseChecks checks = new CaseChecks("NumpyRandomState", "seed 002 " + c.id() + " inputs");
        Map<String, NdArray> regenerated = c.regenerate();
        for (Seed002Case.Draw d : c.draws()) {
            NdArray ours = regenerated.get(d.name());
            if (c.hasInput(d.name())) {
                checks.withinUlps(d.name(), ours, c.input(d.name()), GoldenTolerances.DRAW_ULPS);
            } else if (c.expectedKeys().contains(d.name()) && !c.expected(d.name()).isList() && !c.expected(d.name()).isObject()) {
                checks.withinUlps(d.name(), ours, new NdArray(new int[0], new double[] {c.expected(d.name()).asDouble()}),
                        GoldenTolerances.DRAW_ULPS);
            } else if (d.used()) {
                checks.failure("draw \"" + d.name() + "\" is used but neither inputs nor expected hold it");
            }
        }
        for (String external : c.externalInputs()) {
            if (!c.hasInput(external)) {
                checks.failure("external input \"" + external + "\" has no value in inputs");
            }
        }
        summary(c.id() + " inputs", checks);
        checks.assertAllPassed();
    }

    /** The generator against the file's rng_vectors (the first words, uniforms and Gaussians of a few seeds). */
    private static void rngVectors(FixtureValue v) {
        CaseChecks checks = new CaseChecks("NumpyRandomState", "rng_vectors");
        if (v.has("seed1_genrand_int32_first8")) {
            NumpyRandomState r = new NumpyRandomState(1);
            double[] words = v.get("seed1_genrand_int32_first8").asDoubleArray();
            double[] ours = new double[words.length];
            for (int i = 0; i < ours.length; i++) {
                ours[i] = r.genrandInt32();
            }
            checks.close("seed1_genrand_int32_first8", vector(ours), vector(words), 0, 0);
        }
        if (v.has("seed0_random_sample_first5")) {
            double[] e = v.get("seed0_random_sample_first5").asDoubleArray();
            checks.close("seed0_random_sample_first5", vector(new NumpyRandomState(0).rand(e.length)), vector(e), 0, 0);
        }
        if (v.has("seed1_randn_first10")) {
            double[] e = v.get("seed1_randn_first10").asDoubleArray();
            checks.withinUlps("seed1_randn_first10", vector(new NumpyRandomState(1).randn(e.length)), vector(e), GoldenTolerances.DRAW_ULPS);
        }
        if (v.has("seed1_randn_2170_to_2179")) {
            double[] e = v.get("seed1_randn_2170_to_2179").asDoubleArray();
            double[] all = new NumpyRandomState(1).randn(2170 + e.length);
            checks.withinUlps("seed1_randn_2170_to_2179", vector(java.util.Arrays.copyOfRange(all, 2170, all.length)), vector(e),
                    GoldenTolerances.DRAW_ULPS);
        }
        if (v.has("seed3_randn3_rand2_randn1")) {
            double[] e = v.get("seed3_randn3_rand2_randn1").asDoubleArray();
            NumpyRandomState r = new NumpyRandomState(3);
            double[] ours = new double[6];
            System.arraycopy(r.randn(3), 0, ours, 0, 3);
            System.arraycopy(r.rand(2), 0, ours, 3, 2);
            ours[5] = r.randn(1)[0];
            checks.withinUlps("seed3_randn3_rand2_randn1", vector(ours), vector(e), GoldenTolerances.DRAW_ULPS);
        }
        if (v.has("seed4294967295_randn3")) {
            double[] e = v.get("seed4294967295_randn3").asDoubleArray();
            checks.withinUlps("seed4294967295_randn3", vector(new NumpyRandomState(4294967295L).randn(3)), vector(e),
                    GoldenTolerances.DRAW_ULPS);
        }
        summary("rng_vectors", checks);
        checks.assertAllPassed();
    }

    private static NdArray vector(double[] v) {
        return new NdArray(new int[] {v.length}, v);
    }

    // ---- dinos-trajectory ---------------------------------------------------------------------------------

    private static Stream<DynamicNode> dinos(String backend, FixtureValue root) {
        Path file = Path.of(root.source());
        DinosTrajectory trajectory = new DinosTrajectory(root, Files.isRegularFile(file) ? file.toAbsolutePath().getParent() : null);
        DinosTrajectory.Config cfg = trajectory.config();
        Supplier<DinosTrajectory.TrajectoryResult> run = memoize(() -> {
            DinosTrajectory.TrajectoryResult r = trajectory.run(resolve(backend), trajectory.corpus());
            if (Boolean.getBoolean(SUMMARY_PROPERTY)) {
                System.out.printf(Locale.ROOT, "golden summary | %s | dinos %s | %d steps in %.2f s%n", backend, root.source(),
                        cfg.steps(), r.nanos() / 1e9);
            }
            return r;
        });
        List<DynamicNode> tests = new ArrayList<>();
        boolean initialGiven = !Double.isNaN(cfg.initialLoss());
        tests.add(DynamicTest.dynamicTest((initialGiven ? "initial loss −ln(1/V)·" + DinosTrajectory.SEED_INITIAL_LOSS_STEPS
                + " and t" : "T") + "he core's step loss = the seed's Σ −log softmax, and the smoothed loss, at every checkpoint", () -> {
            DinosTrajectory.TrajectoryResult r = run.get();
            CaseChecks checks = new CaseChecks(backend, "seed 002 dinos", ToleranceClass.of(backend));
            if (initialGiven) {
                checks.close("initial_loss", r.uniformGuessLoss(), cfg.initialLoss(), 0, GoldenTolerances.INITIAL_LOSS_RTOL);
            }
            for (int k = 0; k < trajectory.checkpoints().size(); k++) {
                DinosTrajectory.Checkpoint cp = trajectory.checkpoints().get(k);
                double[] l = r.lossDefinitionAt()[k];
                checks.close("loss of step " + cp.step() + " vs seed definition", l[0], l[1], 0,
                        GoldenTolerances.LOSS_DEFINITION_RTOL);
                // the checkpoints again, in the test that runs the training (a mutation tester attributes the run to it)
                checks.close("smoothed loss after step " + cp.step(), r.smoothedAt()[k], cp.smoothedLoss(), 0, cp.rtol());
            }
            summary("dinos loss definition", checks);
            checks.assertAllPassed();
        }));
        for (int k = 0; k < trajectory.checkpoints().size(); k++) {
            DinosTrajectory.Checkpoint cp = trajectory.checkpoints().get(k);
            int index = k;
            tests.add(DynamicTest.dynamicTest(String.format(Locale.ROOT, "step %d: smoothed loss %.10g within rtol %.0e",
                    cp.step(), cp.smoothedLoss(), cp.rtol()), () -> {
                boolean passed = false;
                try {
                    CaseChecks checks = new CaseChecks(backend, "seed 002 dinos", ToleranceClass.of(backend));
                    checks.close("smoothed loss after step " + cp.step(), run.get().smoothedAt()[index], cp.smoothedLoss(), 0,
                            cp.rtol());
                    summary("dinos step " + cp.step(), checks);
                    checks.assertAllPassed();
                    passed = true;
                } finally {
                    VerificationReport.fixtureCase(backend, root.source(), passed);
                }
            }));
        }
        String name = String.format(Locale.ROOT, "[seed 002] dinosaur names: NumPy trajectory, n_a=%d, lr %s, clip ±%s, "
                + "%d steps (through the last checkpoint), %s [%s]", cfg.hidden(), cfg.learningRate(), cfg.clip(), cfg.steps(),
                cfg.corpus() == null ? "built-in dinos list" : "names from " + cfg.corpus(), backend);
        return Stream.of(DynamicContainer.dynamicContainer(name, tests));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static Backend<?> resolve(String backend) {
        return Backends.byName(backend);
    }

    private static DynamicTest failing(String name, String message) {
        return DynamicTest.dynamicTest(name, () -> fail(message));
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private RuntimeException failure;

            @Override
            public synchronized T get() {
                if (failure != null) {
                    throw new IllegalStateException("the run failed: " + failure.getMessage(), failure);
                }
                if (value == null) {
                    try {
                        value = supplier.get();
                    } catch (RuntimeException e) {
                        failure = e;
                        throw e;
                    }
                }
                return value;
            }
        };
    }

    private static void summary(String what, CaseChecks checks) {
        if (!Boolean.getBoolean(SUMMARY_PROPERTY)) {
            return;
        }
        for (CaseChecks.Result r : checks.results()) {
            System.out.printf(Locale.ROOT, "golden summary | %s | %s | %s | max|a−b| %.3e | rel %.3e | used %.3f of (atol %.0e, rtol %.0e) | %s%n",
                    checks.backend(), what, r.tensor(), r.worstAbs(), r.worstRel(), r.usage(), r.atol(), r.rtol(), r.passed() ? "ok" : "FAIL");
        }
    }
}
