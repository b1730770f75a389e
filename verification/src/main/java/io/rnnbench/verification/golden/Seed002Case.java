package io.rnnbench.verification.golden;

import io.rnnbench.core.random.NumpyRandomState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of a {@code seed002-cases} fixture file: the seed functions it runs ({@link #functions()}, what a runner
 * dispatches on; the id is a label only), the seed and ordered draws that made its inputs, the inputs, the expected
 * outputs (and the corrected ones where the seed's code is buggy) and its tolerance. See the file's {@code format}
 * key and {@code verification/README.md}. Keys beyond id, functions and tolerance may be absent: no draws, no args,
 * no inputs and no expected values are then empty.
 */
public final class Seed002Case {
    /** One {@code np.random} call after seeding: {@code value = fn(shape) · scale}; {@code used = false} only consumes. */
    public record Draw(String name, String fn, int[] shape, double scale, boolean used) {
    }

    private final FixtureValue node;
    private final String id;
    private final Long seed;
    private final List<FunctionCall> functions = new ArrayList<>();
    private final List<Draw> draws = new ArrayList<>();
    private final Map<String, NdArray> inputs = new LinkedHashMap<>();
    private final double atol;
    private final double rtol;

    public Seed002Case(FixtureValue node) {
        this.node = node;
        this.id = node.get("id").asString();
        for (FixtureValue f : node.get("functions").list()) {
            try {
                functions.add(FunctionCall.parse(f.asString()));
            } catch (IllegalArgumentException e) {
                throw f.fail("an entry NAME, NAME(QUALIFIER) or NAME xN", e.getMessage());
            }
        }
        if (functions.isEmpty()) {
            throw node.get("functions").fail("at least one function", "none");
        }
        this.seed = node.has("seed") && !node.get("seed").isNull() ? node.get("seed").asLong() : null;
        if (node.has("draws")) {
            for (FixtureValue d : node.get("draws").list()) {
                String fn = d.get("fn").asString();
                if (!fn.equals("randn") && !fn.equals("rand")) {
                    throw d.get("fn").fail("\"randn\" or \"rand\"", "\"" + fn + "\"");
                }
                draws.add(new Draw(d.get("name").asString(), fn, d.get("shape").asIntArray(),
                        d.has("scale") ? d.get("scale").asDouble() : 1.0,
                        !d.has("used") || d.get("used").asBoolean()));
            }
        }
        if (node.has("inputs")) {
            FixtureValue in = node.get("inputs");
            for (String key : in.keys()) {
                inputs.put(key, in.get(key).asArray());
            }
        }
        FixtureValue tolerance = node.get("tolerance");
        this.atol = tolerance.get("atol").asDouble();
        this.rtol = tolerance.get("rtol").asDouble();
        if (!(atol >= 0 && rtol >= 0)) {
            throw tolerance.fail("atol ≥ 0 and rtol ≥ 0", "atol " + atol + ", rtol " + rtol);
        }
        if (!draws.isEmpty() && seed == null) {
            throw node.fail("a \"seed\" for the draws", "none");
        }
    }

    public String id() {
        return id;
    }

    /** The seed functions the case runs, in order. */
    public List<FunctionCall> functions() {
        return functions;
    }

    /** The file the case comes from. */
    public String source() {
        return node.source();
    }

    public FixtureValue node() {
        return node;
    }

    /** The seed of {@code np.random.seed}, or null when the case draws nothing. */
    public Long seed() {
        return seed;
    }

    public List<Draw> draws() {
        return draws;
    }

    public double atol() {
        return atol;
    }

    public double rtol() {
        return rtol;
    }

    /** Input {@code name} (after scaling), as stored. */
    public NdArray input(String name) {
        NdArray a = inputs.get(name);
        if (a == null) {
            throw node.fail("an input \"" + name + "\" in inputs", "only " + inputs.keySet());
        }
        return a;
    }

    public boolean hasInput(String name) {
        return inputs.containsKey(name);
    }

    /** Inputs with the given names, keyed by {@code rename[i]} (e.g. the seeds' {@code b} as the converter's {@code ba}). */
    public Map<String, NdArray> inputs(String[] names, String[] keys) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(keys[i], input(names[i]));
        }
        return out;
    }

    /** The case's args object. */
    public FixtureValue args() {
        return node.has("args") ? node.get("args") : FixtureValue.root(node.source() + " (" + node.path() + ".args absent)",
                new com.google.gson.JsonObject());
    }

    /** {@code expected.<key>}. */
    public FixtureValue expected(String key) {
        return node.get("expected").get(key);
    }

    public List<String> expectedKeys() {
        return node.has("expected") ? node.get("expected").keys() : List.of();
    }

    /** Whether {@code expected} has {@code key}. */
    public boolean hasExpected(String key) {
        return node.has("expected") && node.get("expected").has(key);
    }

    /** Whether {@code expected_corrected} (the corrected maths where the seed's printed code is buggy) has {@code key}. */
    public boolean hasCorrected(String key) {
        return node.has("expected_corrected") && node.get("expected_corrected").has(key);
    }

    /** {@code expected_corrected.<key>}. */
    public FixtureValue corrected(String key) {
        return node.get("expected_corrected").get(key);
    }

    /** The names of the external inputs (not drawn in this case's stream), empty if none. */
    public List<String> externalInputs() {
        return node.has("external_inputs") ? node.get("external_inputs").keys() : List.of();
    }

    /**
     * Replays the draws with the NumPy-compatible generator: seed, then each draw in order (unused ones too, since
     * they consume the stream), scaled. Keyed by draw name.
     */
    public Map<String, NdArray> regenerate() {
        Map<String, NdArray> out = new LinkedHashMap<>();
        if (seed == null) {
            return out;
        }
        NumpyRandomState random = new NumpyRandomState(seed);
        for (Draw d : draws) {
            double[] values = d.fn().equals("randn") ? random.randn(d.shape()) : random.rand(d.shape());
            if (d.scale() != 1.0) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = values[i] * d.scale();
                }
            }
            out.put(d.name(), new NdArray(d.shape(), values));
        }
        return out;
    }

    @Override
    public String toString() {
        return id;
    }
}
