package io.rnnbench.verification.golden;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Object> root = seed002();
        Map<String, Object> rnnForward = caseNamed(root, "rnn_forward");
        List<Object> data = path(rnnForward, "expected", "a", "data");
        int flat = (1 * 10 + 2) * 4 + 3; // a[1, 2, 3] of [5, 10, 4]
        data.set(flat, (Double) data.get(flat) * (1 + 1e-8));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> runCase(root, rnnForward));
        assertTrue(e.getMessage().contains("raw, seed 002 rnn_forward, a: worst at (1, 2, 3): raw "), e.getMessage());
        assertTrue(e.getMessage().contains("relative 1.000e-08"), e.getMessage());
    }

    @Test
    void aCorrectedValueIsComparedAgainstExpectedCorrected() {
        Map<String, Object> root = seed002();
        Map<String, Object> lstmBackward = caseNamed(root, "lstm_backward");
        List<Object> data = path(lstmBackward, "expected_corrected", "dx", "data");
        data.set(0, (Double) data.get(0) + 1e-6);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> runCase(root, lstmBackward));
        assertTrue(e.getMessage().contains("dx vs expected_corrected: worst at (0, 0, 0)"), e.getMessage());
    }

    @Test
    void aWrongSampledIndexFails() {
        Map<String, Object> root = seed002();
        Map<String, Object> sample = caseNamed(root, "sample");
        List<Object> indices = path(sample, "expected", "indices");
        indices.set(5, 26.0);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> runCase(root, sample));
        assertTrue(e.getMessage().contains("indices[:robust_prefix=43]: first difference at index 5: raw 9, reference 26"),
                e.getMessage());
    }

    @Test
    void aStoredInputThatTheGeneratorDoesNotReproduceFails() {
        Map<String, Object> root = seed002();
        Map<String, Object> clip = caseNamed(root, "clip");
        List<Object> data = path(clip, "inputs", "dWaa", "data");
        data.set(7, (Double) data.get(7) * (1 + 1e-15)); // ~4.5·2^-52 relative: beyond any log-rounding difference
        String message = failureOf(GoldenFixtures.tests(BACKEND, Node.root("perturbed.json", onlyCase(root, clip))), "inputs");
        assertTrue(message.contains("dWaa: worst at (1, 2): regenerated"), message);
        assertTrue(message.contains("ulps apart, relative 1.0"), message);
    }

    @Test
    void anUnknownCaseIdFailsNamingTheRunners() {
        Map<String, Object> root = seed002();
        Map<String, Object> clip = caseNamed(root, "clip");
        clip.put("id", "gru_forward");
        String message = failureOf(GoldenFixtures.tests(BACKEND, Node.root("x.json", onlyCase(root, clip))), "gru_forward:");
        assertTrue(message.contains("case \"gru_forward\" names no runner"), message);
    }

    @Test
    void aWrongCheckpointFailsAndShortTrajectoriesRun(@TempDir Path dir) throws IOException {
        Map<String, Object> root = mutable(Json.parse(resource(GoldenFixtures.DINOS_RESOURCE), "dinos"));
        Map<String, Object> config = path(root, "config");
        config.put("steps", 2001.0);
        List<Object> checkpoints = path(root, "checkpoints");
        checkpoints.subList(2, checkpoints.size()).clear(); // steps 0 and 2000
        Map<String, Object> at2000 = cast(checkpoints.get(1));
        at2000.put("smoothed_loss", (Double) at2000.get("smoothed_loss") * (1 + 2e-6));
        Path file = dir.resolve("short-dinos.json");
        Files.writeString(file, toJson(root));
        String message = failureOf(GoldenFixtures.extraFiles(BACKEND, file.toString()), "step 2000");
        assertTrue(message.contains("raw, seed 002 dinos, smoothed loss after step 2000: worst at (): raw 27.79306528167746"),
                message);
    }

    @Test
    void aTruncatedFileFailsWithTheOffset(@TempDir Path dir) throws IOException {
        String text = resource(GoldenFixtures.DINOS_RESOURCE);
        Path file = dir.resolve("truncated.json");
        Files.writeString(file, text.substring(0, 1000));
        String message = failureOf(GoldenFixtures.extraFiles(BACKEND, file.toString()), "parse");
        assertTrue(message.startsWith(file + ": invalid JSON at character offset 1000 "), message);
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
        Map<String, Object> root = seed002();
        runCase(root, caseNamed(root, "rnn_forward"));
        assertTrue(Backends.names().contains(BACKEND));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static void runCase(Map<String, Object> root, Map<String, Object> c) {
        Seed002Case parsed = new Seed002Case(Node.root("perturbed.json", root).get("cases").list().stream()
                .filter(n -> n.raw() == c).findFirst().orElseThrow());
        CaseChecks checks = new CaseChecks(BACKEND, "seed 002 " + parsed.id());
        Seed002Runners.run(Backends.byName(BACKEND), parsed, checks);
        checks.assertAllPassed();
    }

    /** Runs every dynamic test whose name contains {@code nameFragment}; returns the first failure's message. */
    private static String failureOf(Stream<DynamicNode> nodes, String nameFragment) {
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

    private static void flatten(Stream<? extends DynamicNode> nodes, List<DynamicTest> out) {
        nodes.forEach(n -> {
            if (n instanceof DynamicTest t) {
                out.add(t);
            } else {
                flatten(((DynamicContainer) n).getChildren(), out);
            }
        });
    }

    private static Map<String, Object> seed002() {
        return mutable(Json.parse(resource(GoldenFixtures.SEED002_RESOURCE), "seed002"));
    }

    private static Map<String, Object> onlyCase(Map<String, Object> root, Map<String, Object> c) {
        Map<String, Object> copy = new LinkedHashMap<>(root);
        copy.remove("rng_vectors");
        copy.put("cases", new ArrayList<>(List.of(c)));
        return copy;
    }

    private static Map<String, Object> caseNamed(Map<String, Object> root, String id) {
        List<Object> cases = path(root, "cases");
        for (Object c : cases) {
            Map<String, Object> m = cast(c);
            if (id.equals(m.get("id"))) {
                return m;
            }
        }
        return fail("no case " + id);
    }

    @SuppressWarnings("unchecked")
    private static <T> T path(Map<String, Object> root, String... keys) {
        Object o = root;
        for (String k : keys) {
            o = ((Map<String, Object>) o).get(k);
        }
        return (T) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    /** A deep, mutable copy of a parsed tree. */
    @SuppressWarnings("unchecked")
    private static <T> T mutable(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put((String) k, mutable(v)));
            return (T) copy;
        }
        if (o instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(mutable(v)));
            return (T) copy;
        }
        return (T) o;
    }

    /** Writes a parsed tree back as JSON (numbers via Double.toString, which round-trips). */
    private static String toJson(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(toJson(k)).append(": ").append(toJson(v)));
            return sb.append('}').toString();
        }
        if (o instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            l.forEach(v -> sb.append(sb.length() > 1 ? ", " : "").append(toJson(v)));
            return sb.append(']').toString();
        }
        if (o instanceof String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    sb.append('\\').append(ch);
                } else if (ch < 0x20) {
                    sb.append(String.format("\\u%04x", (int) ch));
                } else {
                    sb.append(ch);
                }
            }
            return sb.append('"').toString();
        }
        if (o instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        return o.toString();
    }

    private static String resource(String name) {
        try (InputStream in = GoldenChecksCanFailTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void jsonWriterOfThisTestRoundTrips() {
        Map<String, Object> root = mutable(Json.parse(resource(GoldenFixtures.DINOS_RESOURCE), "dinos"));
        assertEquals(root, Json.parse(toJson(root), "again"));
    }
}
