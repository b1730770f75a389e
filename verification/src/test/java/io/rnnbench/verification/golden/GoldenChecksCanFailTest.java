package io.rnnbench.verification.golden;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The golden checks can fail, and say where: a perturbed expected value, a wrong sampled index, a wrong checkpoint,
 * a corrupt, truncated or unknown fixture file each give a failure naming the backend, tensor, index and values (or
 * the file, offset and what was expected).
 */
class GoldenChecksCanFailTest {
    private static final String BACKEND = "raw";

    @Test
    void aPerturbedExpectedArrayFailsWithBackendTensorIndexAndValues() {
        JsonObject root = seed002();
        JsonObject rnnForward = caseNamed(root, "rnn_forward");
        int flat = (1 * 10 + 2) * 4 + 3; // a[1, 2, 3] of [5, 10, 4]
        scale(path(rnnForward, "expected", "a", "data").getAsJsonArray(), flat, 1 + 1e-8);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> runCase(root, rnnForward));
        assertTrue(e.getMessage().contains("raw, seed 002 rnn_forward, a: worst at (1, 2, 3): raw "), e.getMessage());
        assertTrue(e.getMessage().contains("relative 1.000e-08"), e.getMessage());
    }

    @Test
    void aCorrectedValueIsComparedAgainstExpectedCorrected() {
        JsonObject root = seed002();
        JsonObject lstmBackward = caseNamed(root, "lstm_backward");
        JsonArray data = path(lstmBackward, "expected_corrected", "dx", "data").getAsJsonArray();
        data.set(0, new JsonPrimitive(data.get(0).getAsDouble() + 1e-6));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> runCase(root, lstmBackward));
        assertTrue(e.getMessage().contains("dx vs expected_corrected: worst at (0, 0, 0)"), e.getMessage());
    }

    @Test
    void aWrongSampledIndexFails() {
        JsonObject root = seed002();
        JsonObject sample = caseNamed(root, "sample");
        path(sample, "expected", "indices").getAsJsonArray().set(5, new JsonPrimitive(26));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> runCase(root, sample));
        assertTrue(e.getMessage().contains("indices[:robust_prefix=43]: first difference at index 5: raw 9, reference 26"),
                e.getMessage());
    }

    @Test
    void aStoredInputThatTheGeneratorDoesNotReproduceFails() {
        JsonObject root = seed002();
        JsonObject clip = caseNamed(root, "clip");
        scale(path(clip, "inputs", "dWaa", "data").getAsJsonArray(), 7, 1 + 1e-15); // ~4.5·2^-52: beyond log rounding
        String message = failureOf(GoldenFixtures.tests(BACKEND, FixtureValue.root("perturbed.json", onlyCase(root, clip))), "inputs");
        assertTrue(message.contains("dWaa: worst at (1, 2): regenerated"), message);
        assertTrue(message.contains("ulps apart, relative 1.0"), message);
    }

    @Test
    void theIdIsALabelAndAnUnknownFunctionFailsNamingTheKnownOnes() throws Throwable {
        JsonObject root = seed002();
        JsonObject clip = caseNamed(root, "clip");
        clip.addProperty("id", "gru_forward"); //                  an id naming no function: still runs as clip
        assertEquals(2, runAll(GoldenFixtures.tests(BACKEND, FixtureValue.root("x.json", onlyCase(root, clip)))));
        JsonArray functions = new JsonArray();
        functions.add("clip");
        functions.add("gru_forward(corrected) x2");
        clip.add("functions", functions);
        String message = failureOf(GoldenFixtures.tests(BACKEND, FixtureValue.root("x.json", onlyCase(root, clip))), "gru_forward [");
        assertTrue(message.contains("x.json: case \"gru_forward\": unknown function \"gru_forward(corrected) x2\"; known: "
                + "[rnn_cell_forward, rnn_cell_backward, rnn_forward, rnn_backward, lstm_cell_forward"), message);
        assertTrue(message.contains("dataset example, update_parameters (inside optimize)]"), message);
    }

    @Test
    void aWrongCheckpointFailsAndShortTrajectoriesRun(@TempDir Path dir) throws IOException {
        JsonObject root = FixtureReader.parse(resource(GoldenFixtures.DINOS_RESOURCE), "dinos").getAsJsonObject();
        root.getAsJsonObject("config").addProperty("steps", 2000); // the last checkpoint's step: no "one more" needed
        JsonArray checkpoints = root.getAsJsonArray("checkpoints");
        while (checkpoints.size() > 2) {
            checkpoints.remove(2); //                                steps 0 and 2000
        }
        JsonObject at2000 = checkpoints.get(1).getAsJsonObject();
        at2000.addProperty("smoothed_loss", at2000.get("smoothed_loss").getAsDouble() * (1 + 2e-6));
        Path file = dir.resolve("short-dinos.json");
        Files.writeString(file, toJson(root));
        String message = failureOf(GoldenFixtures.extraFiles(BACKEND, file.toString()), "step 2000");
        assertTrue(message.contains("raw, seed 002 dinos, smoothed loss after step 2000: worst at (): raw 27.79306528167746"),
                message);
    }

    /**
     * A trajectory file with only checkpoints (every config key defaulted) and its corpus named beside it: the run
     * reads that file (here a copy of the built-in list, so NumPy's step-0 value holds), and a missing corpus fails
     * naming it.
     */
    @Test
    void aNamedCorpusAndDefaultedConfigRun(@TempDir Path dir) throws Throwable {
        Files.writeString(dir.resolve("names.txt"), new String(
                io.rnnbench.workloads.DinosWorkload.class.getResourceAsStream("dinos.txt").readAllBytes(), StandardCharsets.UTF_8));
        JsonObject root = FixtureReader.parse(resource(GoldenFixtures.DINOS_RESOURCE), "dinos").getAsJsonObject();
        JsonObject config = new JsonObject();
        config.addProperty("corpus", "names.txt"); //                        relative to the fixture file
        root.add("config", config);
        JsonArray checkpoints = root.getAsJsonArray("checkpoints");
        while (checkpoints.size() > 1) {
            checkpoints.remove(1); //                                       step 0 only
        }
        Path file = dir.resolve("corpus-dinos.json");
        Files.writeString(file, toJson(root));
        assertEquals(2, runAll(GoldenFixtures.extraFiles(BACKEND, file.toString())));

        config.addProperty("corpus", "missing.txt");
        Files.writeString(file, toJson(root));
        String message = failureOf(GoldenFixtures.extraFiles(BACKEND, file.toString()), "step 0");
        assertTrue(message.contains("$.config.corpus: expected a readable names file") && message.contains("missing.txt"), message);
    }

    @Test
    void aTruncatedFileFailsWithTheOffset(@TempDir Path dir) throws IOException {
        String text = resource(GoldenFixtures.DINOS_RESOURCE);
        Path file = dir.resolve("truncated.json");
        Files.writeString(file, text.substring(0, 1000));
        String message = failureOf(GoldenFixtures.extraFiles(BACKEND, file.toString()), "parse");
        assertTrue(message.startsWith(file + ": invalid JSON: "), message);
        assertTrue(message.contains("path $.format."), message);
        assertTrue(message.contains("truncated"), message);
    }

    @Test
    void anUnknownKindOrMissingFileFails(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"kind\": \"seed003-cases\"}");
        String message = failureOf(GoldenFixtures.extraFiles(BACKEND, file.toString()), "kind");
        assertTrue(message.contains("unknown kind \"seed003-cases\"; known kinds: seed002-cases, dinos-trajectory"), message);
        String missing = failureOf(GoldenFixtures.extraFiles(BACKEND, dir.resolve("nope.json").toString()), "read");
        assertTrue(missing.contains("cannot read"), missing);
    }

    @Test
    void theUnperturbedCasesPass() {
        JsonObject root = seed002();
        runCase(root, caseNamed(root, "rnn_forward"));
        assertTrue(Backends.names().contains(BACKEND));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static void runCase(JsonObject root, JsonObject c) {
        Seed002Case parsed = new Seed002Case(FixtureValue.root("perturbed.json", root).get("cases").list().stream()
                .filter(n -> n.json() == c).findFirst().orElseThrow());
        CaseChecks checks = new CaseChecks(BACKEND, "seed 002 " + parsed.id());
        Seed002Dispatch.run(Backends.byName(BACKEND), parsed, checks);
        checks.assertAllPassed();
    }

    /** Runs every dynamic test whose name contains {@code nameFragment}; returns the first failure's message. */
    static String failureOf(Stream<DynamicNode> nodes, String nameFragment) {
        List<DynamicTest> tests = new ArrayList<>();
        flatten(nodes, tests);
        for (DynamicTest t : tests) {
            if (t.getDisplayName().contains(nameFragment)) {
                try {
                    t.getExecutable().execute();
                } catch (AssertionFailedError e) {
                    return e.getMessage();
                } catch (Throwable e) {
                    return e.toString();
                }
            }
        }
        List<String> names = tests.stream().map(DynamicTest::getDisplayName).toList();
        return fail("no test named *" + nameFragment + "* failed; tests: " + names);
    }

    /** Runs every dynamic test; fails with the first failure. */
    static int runAll(Stream<DynamicNode> nodes) throws Throwable {
        List<DynamicTest> tests = new ArrayList<>();
        flatten(nodes, tests);
        for (DynamicTest t : tests) {
            try {
                t.getExecutable().execute();
            } catch (org.opentest4j.TestAbortedException skipped) {
                // a "not compared" note
            }
        }
        return tests.size();
    }

    private static void flatten(Stream<? extends DynamicNode> nodes, List<DynamicTest> out) {
        nodes.forEach(n -> {
            if (n instanceof DynamicTest t) {
                out.add(t);
            } else {
                flatten(((DynamicContainer) n).getChildren(), out);
            }
        });
    }

    static JsonObject seed002() {
        return FixtureReader.parse(resource(GoldenFixtures.SEED002_RESOURCE), "seed002").getAsJsonObject();
    }

    static JsonObject seed002Extra() {
        return FixtureReader.parse(resource(GoldenFixtures.SEED002_EXTRA_RESOURCE), "seed002 extra").getAsJsonObject();
    }

    static JsonObject onlyCase(JsonObject root, JsonObject c) {
        JsonObject copy = root.deepCopy();
        copy.remove("rng_vectors");
        JsonArray cases = new JsonArray();
        cases.add(c);
        copy.add("cases", cases);
        return copy;
    }

    static JsonObject caseNamed(JsonObject root, String id) {
        for (JsonElement c : root.getAsJsonArray("cases")) {
            if (id.equals(c.getAsJsonObject().get("id").getAsString())) {
                return c.getAsJsonObject();
            }
        }
        return fail("no case " + id);
    }

    static JsonElement path(JsonObject root, String... keys) {
        JsonElement e = root;
        for (String k : keys) {
            e = e.getAsJsonObject().get(k);
        }
        return e;
    }

    /** Multiplies entry {@code i} of a JSON number array by {@code factor}. */
    static void scale(JsonArray data, int i, double factor) {
        data.set(i, new JsonPrimitive(data.get(i).getAsDouble() * factor));
    }

    static String toJson(JsonElement e) {
        return new Gson().toJson(e);
    }

    static String resource(String name) {
        try (InputStream in = GoldenChecksCanFailTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTreeWrittenBackWithGsonReadsTheSame() {
        JsonElement root = FixtureReader.parse(resource(GoldenFixtures.DINOS_RESOURCE), "dinos");
        assertEquals(root, FixtureReader.parse(toJson(root), "again"));
    }
}
