package io.rnnbench.verification.golden;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.train.FiniteCheck;
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.Sgd;
import io.rnnbench.core.train.Trainer;
import io.rnnbench.workloads.DinoNames;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training-step family: {@code clip}, {@code optimize} (one call, or {@code optimize xN}: N calls, each from
 * the parameters and a_last the previous one left, with {@code expected.steps} holding each call's X, Y and
 * outputs) and {@code initialize_parameters} (the weights the next optimize starts from). optimize is the core's
 * {@link Trainer#step} with {@link Sgd} and {@link GradientClipping#byValue}; its callees ({@code rnn_forward},
 * {@code rnn_backward}, {@code clip}, {@code update_parameters}) run inside it.
 */
final class TrainingRunner {
    private TrainingRunner() {
    }

    /** The functions optimize calls: entries that follow it in a case's list run inside it. */
    static final List<String> OPTIMIZE_CALLEES = List.of("rnn_forward", "rnn_backward", "clip", "update_parameters");

    /** The expected keys of one optimize call (top level for one call, per {@code expected.steps} entry for xN). */
    static final List<String> OPTIMIZE_CALL_KEYS = List.of("loss", "dWax", "dWaa", "dWya", "db", "dby", "a_last",
            "gradients_unclipped", "argmax_dWax_flat", "argmax_gap_to_second", "min_distance_of_unclipped_to_clip_threshold");

    /** The expected keys of each function of the family. */
    static List<String> keys(String function) {
        return switch (function) {
            case "clip" -> List.of("dWax", "dWaa", "dWya", "db", "dba", "dby");
            case "optimize" -> concat(OPTIMIZE_CALL_KEYS, List.of("parameters_after", "steps"));
            case "initialize_parameters" -> List.of();
            default -> throw new IllegalArgumentException(function);
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** clip: the gradients loaded into a network's gradient set, GradientClipping.byValue(maxValue), read back. */
    static <M> void clip(CaseRun<M> run) {
        Map<String, NdArray> g = new LinkedHashMap<>();
        g.put("Wax", run.c.input("dWax"));
        g.put("Waa", run.c.input("dWaa"));
        g.put("ba", run.c.hasInput("db") ? run.c.input("db") : run.c.input("dba"));
        g.put("Wya", run.c.input("dWya"));
        g.put("by", run.c.input("dby"));
        Network<M> network = Network.zeros(run.backend, SeedArrays.config(CellType.RNN, g, HeadType.PER_STEP_SOFTMAX));
        SeedArrays.load(network, network.gradients(), g);
        double norm = FiniteCheck.requireFinite(run.backend, network.gradients(), "gradient");
        GradientClipping.byValue(run.c.args().get("maxValue").asDouble()).apply(run.backend, network.gradients(), norm);
        run.compareGradients(SeedArrays.read(network, network.gradients()), CellType.RNN);
    }

    /**
     * initialize_parameters(n_a, n_x, n_y): {@code np.random.seed(seed)}, Wax, Waa, Wya = randn·0.01 (the case's
     * draws), b and by zero. The stored inputs are NumPy's own draws (the case's inputs test checks that they
     * regenerate), so they are used where present; otherwise the regenerated draws.
     */
    static <M> void initializeParameters(CaseRun<M> run) {
        Map<String, NdArray> drawn = run.c.regenerate();
        Map<String, NdArray> w = new LinkedHashMap<>();
        for (String name : new String[] {"Wax", "Waa", "Wya"}) {
            NdArray a = run.c.hasInput(name) ? run.c.input(name) : drawn.get(name);
            if (a == null) {
                run.checks.failure("initialize_parameters: " + name + " is neither an input nor a draw of the case");
                return;
            }
            w.put(name, a);
        }
        int hidden = w.get("Wax").dim(0);
        int outputs = w.get("Wya").dim(0);
        w.put("ba", run.c.hasInput("b") ? run.c.input("b") : NdArray.of(hidden, 1, new double[hidden]));
        w.put("by", run.c.hasInput("by") ? run.c.input("by") : NdArray.of(outputs, 1, new double[outputs]));
        run.carriedWeights = w;
    }

    /** optimize, one call or {@code xN}; then parameters_after against the parameters the last call left. */
    static <M> void optimize(CaseRun<M> run, FunctionCall call) {
        FixtureValue args = run.c.args();
        double learningRate = args.get("learning_rate").asDouble();
        double maxValue = args.get("maxValue").asDouble();
        if (call.repeat() == 0) {
            FixtureValue expected = run.c.node().get("expected");
            oneCall(run, args.get("X"), args.get("Y"), expected, "", learningRate, maxValue);
        } else {
            List<FixtureValue> steps = run.c.expected("steps").list();
            if (steps.size() != call.calls()) {
                run.checks.failure("\"" + call.entry() + "\" makes " + call.calls() + " calls but expected.steps has "
                        + steps.size() + " entries");
            }
            for (int k = 0; k < Math.min(steps.size(), call.calls()); k++) {
                FixtureValue step = steps.get(k);
                oneCall(run, step.has("X") ? step.get("X") : args.get("X"), step.has("Y") ? step.get("Y") : args.get("Y"),
                        step, "steps[" + k + "].", learningRate, maxValue);
            }
            run.markCompared("steps");
        }
        if (run.c.hasExpected("parameters_after")) {
            FixtureValue after = run.c.expected("parameters_after");
            for (String key : after.keys()) {
                run.checks.close("parameters_after." + key, run.carriedWeights.get(converterKey("d" + key)),
                        after.get(key).asArray(), run.c.atol(), run.c.rtol());
            }
            run.markCompared("parameters_after");
        }
    }

    /**
     * One optimize call from the carried (or input) weights and a_prev: unclipped gradients from a forward/backward,
     * then the training step; compares every key of {@link #OPTIMIZE_CALL_KEYS} that {@code expected} holds, naming
     * them with {@code label} (e.g. {@code steps[1].}); leaves the updated weights and a_last for the next call.
     */
    private static <M> void oneCall(CaseRun<M> run, FixtureValue xs, FixtureValue ys, FixtureValue expected, String label,
                                    double learningRate, double maxValue) {
        Map<String, NdArray> weights = run.weights(CellType.RNN);
        Network<M> network = run.network(CellType.RNN, weights);
        int vocab = network.config().inputSize(); //                      sizes from the arrays: n_x of Wax
        int hidden = network.config().hiddenSize();
        int[] x = xs.asIndexArrayWithNone(); //                            X may start with None: a zero input
        int[] y = ys.asIntArray();
        SequenceBatch batch = new SequenceBatch(x.length, 1, new Inputs.Dense(DinoNames.oneHotRows(x, vocab), vocab),
                new Targets.Classes(y));
        NdArray aPrev = run.carriedState != null ? run.carriedState
                : run.c.hasInput("a_prev") ? run.c.input("a_prev") : NdArray.of(hidden, 1, new double[hidden]);
        RecurrentState<M> state = run.state(network, aPrev, null);

        network.forward(batch, state);
        network.backward();
        Map<String, NdArray> unclipped = SeedArrays.read(network, network.gradients());
        if (expected.has("gradients_unclipped")) {
            FixtureValue e = expected.get("gradients_unclipped");
            for (String key : e.keys()) {
                run.checks.close(label + "gradients_unclipped." + key, unclipped.get(converterKey(key)), e.get(key).asArray(),
                        run.c.atol(), run.c.rtol());
            }
            mark(run, label, "gradients_unclipped");
        }

        Trainer<M> trainer = new Trainer<>(network, new Sgd<>(run.backend, learningRate), GradientClipping.byValue(maxValue));
        double loss = trainer.step(batch, state);
        if (expected.has("loss")) {
            run.checks.close(label + "loss", loss, expected.get("loss").asDouble(), run.c.atol(), run.c.rtol());
            mark(run, label, "loss");
        }
        Map<String, NdArray> clipped = SeedArrays.read(network, network.gradients());
        for (Map.Entry<String, NdArray> g : clipped.entrySet()) {
            for (String key : CaseRun.gradientKeys(g.getKey(), CellType.RNN)) {
                if (expected.has(key)) {
                    run.checks.close(label + key, g.getValue(), expected.get(key).asArray(), run.c.atol(), run.c.rtol(),
                            unclipped.get(g.getKey())); //                     clipped: no larger an error than unclipped
                    mark(run, label, key);
                }
            }
        }
        double[] dWax = clipped.get("Wax").data();
        if (expected.has("argmax_dWax_flat")) {
            run.checks.equal(label + "argmax_dWax_flat", argmax(dWax), expected.get("argmax_dWax_flat").asLong());
            mark(run, label, "argmax_dWax_flat");
        }
        if (expected.has("argmax_gap_to_second")) {
            double[] sorted = dWax.clone();
            Arrays.sort(sorted);
            double gap = sorted.length < 2 ? 0 : sorted[sorted.length - 1] - sorted[sorted.length - 2];
            run.checks.close(label + "argmax_gap_to_second", gap, expected.get("argmax_gap_to_second").asDouble(),
                    run.c.atol(), run.c.rtol());
            mark(run, label, "argmax_gap_to_second");
        }
        if (expected.has("min_distance_of_unclipped_to_clip_threshold")) {
            double min = Double.POSITIVE_INFINITY;
            double largest = 0;
            for (NdArray g : unclipped.values()) {
                for (double v : g.data()) {
                    min = Math.min(min, Math.abs(Math.abs(v) - maxValue));
                    largest = Math.max(largest, Math.abs(v));
                }
            }
            NdArray scale = new NdArray(new int[0], new double[] {largest}); // an entry's distance errs as the entry does
            run.checks.close(label + "min_distance_of_unclipped_to_clip_threshold", new NdArray(new int[0], new double[] {min}),
                    new NdArray(new int[0], new double[] {expected.get("min_distance_of_unclipped_to_clip_threshold").asDouble()}),
                    run.c.atol(), run.c.rtol(), scale);
            mark(run, label, "min_distance_of_unclipped_to_clip_threshold");
        }
        NdArray aLast = SeedArrays.readState(run.backend, state.h(0));
        if (expected.has("a_last")) {
            run.checks.close(label + "a_last", aLast, expected.get("a_last").asArray(), run.c.atol(), run.c.rtol());
            mark(run, label, "a_last");
        }
        run.carriedWeights = SeedArrays.read(network, network.parameters());
        run.carriedState = aLast;
    }

    /** Marks a top-level expected key compared (keys inside expected.steps count as "steps"). */
    private static void mark(CaseRun<?> run, String label, String key) {
        if (label.isEmpty()) {
            run.markCompared(key);
        }
    }

    /** The converter key of an RNN gradient name: dWax → Wax, db/dba → ba. */
    static String converterKey(String gradientName) {
        String k = gradientName.substring(1);
        return k.equals("b") ? "ba" : k;
    }

    /** np.argmax: the first index of the maximum. */
    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
