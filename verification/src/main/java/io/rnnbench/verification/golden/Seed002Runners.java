package io.rnnbench.verification.golden;

import io.rnnbench.workloads.text.Vocabulary;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.train.FiniteCheck;
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.Sgd;
import io.rnnbench.core.train.Trainer;
import io.rnnbench.workloads.DinoNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the cases of a {@code seed002-cases} fixture through the core API on one backend and compares every expected
 * output. A case is dispatched on its {@code id}: the runner of that name, or of the longest runner name that
 * prefixes the id (so an extra file may hold {@code rnn_forward_seed7} next to {@code rnn_forward}).
 *
 * <p>Where the fixture has {@code expected_corrected} for a key (the seed's printed code is buggy), that key is
 * compared with the corrected value. Keys the core cannot produce are declared per runner in {@link #NOT_CHECKED}
 * with the reason, and reported as skipped tests; any other expected key without a check fails the case, so a new
 * key in a fixture cannot be silently ignored.
 */
public final class Seed002Runners {
    private Seed002Runners() {
    }

    /** The runner names, i.e. the seed functions (or test blocks) a case can reproduce. */
    public static final List<String> RUNNERS = List.of("rnn_cell_forward", "rnn_forward", "lstm_cell_forward",
            "lstm_forward", "rnn_cell_backward", "rnn_backward", "lstm_cell_backward", "lstm_backward", "clip",
            "choice_example", "sample", "optimize", "XY_example");


    /**
     * Per runner: expected keys that cannot be checked through the core API, and why (reported as skipped tests).
     * Empty: every key of every seed 002 case is compared.
     */
    public static final Map<String, Map<String, String>> NOT_CHECKED = Map.of();

    /** The runner of a case id: exact, else the longest runner name that prefixes it; null if none. */
    public static String runnerFor(String id) {
        String best = null;
        for (String r : RUNNERS) {
            if (id.equals(r)) {
                return r;
            }
            if (id.startsWith(r) && (best == null || r.length() > best.length())) {
                best = r;
            }
        }
        return best;
    }

    /** Expected keys of {@code c} its runner declares uncheckable, with the reason. */
    public static Map<String, String> notChecked(Seed002Case c) {
        String runner = runnerFor(c.id());
        Map<String, String> declared = runner == null ? Map.of() : NOT_CHECKED.getOrDefault(runner, Map.of());
        Map<String, String> present = new LinkedHashMap<>();
        for (String key : c.expectedKeys()) {
            if (declared.containsKey(key)) {
                present.put(key, declared.get(key));
            }
        }
        return present;
    }

    /** Runs case {@code c} on {@code backend}, recording every comparison in {@code checks}. */
    public static <M> void run(Backend<M> backend, Seed002Case c, CaseChecks checks) {
        String runner = runnerFor(c.id());
        if (runner == null) {
            throw new IllegalArgumentException(c.node().source() + ": case \"" + c.id() + "\" names no runner; its id must be "
                    + "(or start with) one of " + RUNNERS);
        }
        Run<M> r = new Run<>(backend, c, checks);
        switch (runner) {
            case "rnn_cell_forward", "lstm_cell_forward" -> r.cellForward(cellOf(runner));
            case "rnn_forward", "lstm_forward" -> r.sequenceForward(cellOf(runner));
            case "rnn_cell_backward", "lstm_cell_backward" -> r.cellBackward(cellOf(runner));
            case "rnn_backward", "lstm_backward" -> r.sequenceBackward(cellOf(runner));
            case "clip" -> r.clip();
            case "choice_example" -> r.choice();
            case "sample" -> r.sample();
            case "optimize" -> r.optimize();
            case "XY_example" -> r.datasetExample();
            default -> throw new IllegalStateException("runner " + runner + " is listed but not implemented");
        }
        Set<String> missing = new LinkedHashSet<>(c.expectedKeys());
        missing.removeAll(r.covered);
        missing.removeAll(NOT_CHECKED.getOrDefault(runner, Map.of()).keySet());
        if (!missing.isEmpty()) {
            checks.failure("expected " + missing + " of case " + c.id() + " are not compared by runner " + runner);
        }
    }

    private static CellType cellOf(String runner) {
        return runner.startsWith("lstm") ? CellType.LSTM : CellType.RNN;
    }

    /** One case on one backend. */
    private static final class Run<M> {
        private final Backend<M> backend;
        private final Seed002Case c;
        private final CaseChecks checks;
        private final Set<String> covered = new LinkedHashSet<>();

        Run(Backend<M> backend, Seed002Case c, CaseChecks checks) {
            this.backend = backend;
            this.c = c;
            this.checks = checks;
        }

        // ---- comparison helpers ------------------------------------------------------------------------

        /** Compares with expected_corrected.key when the fixture has it (buggy seed code), else expected.key. */
        void compare(String key, NdArray actual) {
            if (c.hasCorrected(key)) {
                checks.close(key + " vs expected_corrected", actual, c.corrected(key).asArray(), c.atol(), c.rtol());
            } else {
                checks.close(key, actual, c.expected(key).asArray(), c.atol(), c.rtol());
            }
            covered.add(key);
        }

        /** Compares the keys present in expected (or corrected) with a gradient map in seed notation (keys without 'd'). */
        void compareGradients(Map<String, NdArray> gradients, CellType cell) {
            for (Map.Entry<String, NdArray> g : gradients.entrySet()) {
                for (String key : gradientKeys(g.getKey(), cell)) {
                    if (c.expectedKeys().contains(key) && !isDeclaredUncheckable(key)) {
                        compare(key, g.getValue());
                    }
                }
            }
        }

        boolean isDeclaredUncheckable(String key) {
            String runner = runnerFor(c.id());
            return runner != null && NOT_CHECKED.getOrDefault(runner, Map.of()).containsKey(key);
        }

        /** The seeds' names for a converter key: "Wax" → dWax; "ba" → dba or db. */
        static List<String> gradientKeys(String key, CellType cell) {
            if (cell == CellType.RNN && key.equals("ba")) {
                return List.of("dba", "db");
            }
            return List.of("d" + key);
        }

        // ---- model helpers --------------------------------------------------------------------------------

        /** The seed's weights of this case under the converter's keys (the RNN's "b" is the converter's "ba"). */
        Map<String, NdArray> weights(CellType cell) {
            Map<String, NdArray> w = new LinkedHashMap<>();
            if (cell == CellType.RNN) {
                w.put("Wax", c.input("Wax"));
                w.put("Waa", c.input("Waa"));
                w.put("ba", c.hasInput("ba") ? c.input("ba") : c.input("b"));
                w.put("Wya", c.input("Wya"));
                w.put("by", c.input("by"));
            } else {
                for (String k : new String[] {"Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo", "Wy", "by"}) {
                    w.put(k, c.input(k));
                }
            }
            return w;
        }

        Network<M> network(CellType cell, Map<String, NdArray> weights) {
            ModelConfig config = SeedNotation.config(cell, weights, HeadType.PER_STEP_SOFTMAX);
            Network<M> network = Network.zeros(backend, config);
            SeedNotation.load(network, weights);
            return network;
        }

        /** The initial state of a batch of m: h from {@code a0} [n_a, m] and c from {@code c0} (zeros if null). */
        RecurrentState<M> state(Network<M> network, NdArray a0, NdArray c0) {
            RecurrentState<M> state = RecurrentState.zeros(backend, network.config(), a0.dim(1));
            SeedNotation.loadState(backend, a0, state.h(0));
            if (c0 != null) {
                SeedNotation.loadState(backend, c0, state.c(0));
            }
            return state;
        }

        static SequenceBatch denseBatch(NdArray x, Targets targets) {
            return new SequenceBatch(x.dim(2), x.dim(1), new Inputs.Dense(SeedNotation.sequenceToRows(x), x.dim(0)), targets);
        }

        /** a, c ([n_a, m, T], c null for the RNN) and y = softmax(logits) ([n_y, m, T]) of a forward pass. */
        record Forward(NdArray a, NdArray c, NdArray y) {
        }

        /**
         * Forward over x [n_x, m, T] from (a0, c0). y comes from one pass over the whole sequence (the logits of every
         * step); a and c of every step from T one-step passes carrying the state with {@code copyFinalState}, since
         * the network exposes only the final state. Both passes must end in the same state.
         */
        Forward forward(Network<M> network, NdArray x, NdArray a0, NdArray c0) {
            int m = x.dim(1);
            int steps = x.dim(2);
            int hidden = network.config().hiddenSize();
            int outputs = network.config().outputSize();
            RecurrentState<M> state = state(network, a0, c0);
            network.forward(denseBatch(x, Targets.NONE), state);
            M logits = network.logits(); //                                   [T·m, V]
            M p = backend.zeros(backend.rows(logits), outputs);
            backend.softmax(logits, p);
            NdArray y = SeedNotation.rowsToSequence(backend.toArray(p), outputs, m, steps);
            RecurrentState<M> whole = RecurrentState.zeros(backend, network.config(), m);
            network.copyFinalState(whole);

            boolean lstm = network.config().cell().hasCellState();
            double[] aRows = new double[steps * m * hidden];
            double[] cRows = lstm ? new double[steps * m * hidden] : null;
            for (int t = 0; t < steps; t++) {
                network.forward(denseBatch(SeedNotation.asOneStep(SeedNotation.step(x, t)), Targets.NONE), state);
                network.copyFinalState(state);
                System.arraycopy(backend.toArray(state.h(0)), 0, aRows, t * m * hidden, m * hidden);
                if (lstm) {
                    System.arraycopy(backend.toArray(state.c(0)), 0, cRows, t * m * hidden, m * hidden);
                }
            }
            NdArray a = SeedNotation.rowsToSequence(aRows, hidden, m, steps);
            checks.close("final h of the whole-sequence pass vs the stepwise passes",
                    SeedNotation.readState(backend, whole.h(0)), SeedNotation.readState(backend, state.h(0)), c.atol(), c.rtol());
            return new Forward(a, lstm ? SeedNotation.rowsToSequence(cRows, hidden, m, steps) : null, y);
        }

        NdArray input(String... names) {
            for (String n : names) {
                if (c.hasInput(n)) {
                    return c.input(n);
                }
            }
            return c.input(names[0]); // fails naming the first
        }

        // ---- runners --------------------------------------------------------------------------------------

        /** rnn_cell_forward / lstm_cell_forward: one step of a batch; a_next, (c_next), y. */
        void cellForward(CellType cell) {
            Network<M> network = network(cell, weights(cell));
            NdArray c0 = cell == CellType.LSTM ? c.input("c_prev") : null;
            Forward f = forward(network, SeedNotation.asOneStep(c.input("xt")), c.input("a_prev"), c0);
            compare("a_next", SeedNotation.step(f.a(), 0));
            if (cell == CellType.LSTM) {
                compare("c_next", SeedNotation.step(f.c(), 0));
            }
            compare(cell == CellType.RNN ? "yt_pred" : "yt", SeedNotation.step(f.y(), 0));
            if (cell == CellType.LSTM) {
                compareGates(network);
            }
        }

        /** The seed's ft, it, cct, ot ([n_a, m] each) from the core's activated gates [B, 4H], blocks i | f | g | o. */
        void compareGates(Network<M> network) {
            M gates = network.gateActivations(0);
            int batch = backend.rows(gates);
            int hidden = backend.cols(gates) / 4;
            String[] seedNames = {"it", "ft", "cct", "ot"}; // core gate order i, f, g (= c̃), o
            for (int gate = 0; gate < 4; gate++) {
                M block = backend.zeros(batch, hidden);
                backend.copyBlock(gates, 0, gate * hidden, block, 0, 0, batch, hidden);
                compare(seedNames[gate], SeedNotation.readState(backend, block));
            }
        }

        /** rnn_forward / lstm_forward: a, (c), y of every step; the LSTM starts from c = 0 as the seed does. */
        void sequenceForward(CellType cell) {
            Network<M> network = network(cell, weights(cell));
            NdArray a0 = c.input("a0");
            NdArray c0 = cell == CellType.LSTM ? new NdArray(a0.shape(), new double[a0.size()]) : null;
            Forward f = forward(network, c.input("x"), a0, c0);
            compare("a", f.a());
            if (cell == CellType.LSTM) {
                compare("c", f.c());
            }
            compare(cell == CellType.RNN ? "y_pred" : "y", f.y());
        }

        /** rnn_cell_backward / lstm_cell_backward: one step forward, then backward from da_next. */
        void cellBackward(CellType cell) {
            Network<M> network = network(cell, weights(cell));
            NdArray c0 = cell == CellType.LSTM ? c.input("c_prev") : null;
            NdArray x = SeedNotation.asOneStep(c.input("xt"));
            Forward f = forward(network, x, c.input("a_prev"), c0);
            compare("a_next", SeedNotation.step(f.a(), 0));
            if (cell == CellType.LSTM) {
                compare("c_next", SeedNotation.step(f.c(), 0));
            }
            NdArray dcNext = cell == CellType.LSTM ? c.input("dc_next") : null; // upstream gradient on c_next
            backward(network, x, c.input("a_prev"), c0, SeedNotation.asOneStep(c.input("da_next")), dcNext);
            compareGradients(SeedNotation.read(network, network.gradients()), cell);
            compare("dxt", SeedNotation.step(inputGradient(network, x), 0));
            compare("da_prev", SeedNotation.readState(backend, network.initialStateGradient().h(0)));
            if (cell == CellType.LSTM) {
                compare("dc_prev", SeedNotation.readState(backend, network.initialStateGradient().c(0)));
            }
        }

        /**
         * rnn_backward / lstm_backward: forward over every step for a, (c), y; backward from da over its T_da steps
         * (the seed's lstm_backward takes T from da, 4 of the 7 steps: forward over those and backward from da).
         */
        void sequenceBackward(CellType cell) {
            Network<M> network = network(cell, weights(cell));
            NdArray x = c.input("x");
            NdArray a0 = c.input("a0");
            NdArray c0 = cell == CellType.LSTM ? new NdArray(a0.shape(), new double[a0.size()]) : null;
            Forward f = forward(network, x, a0, c0);
            compare("a", f.a());
            if (cell == CellType.LSTM) {
                compare("c", f.c());
            }
            compare(cell == CellType.RNN ? "y_pred" : "y", f.y());

            NdArray da = c.input("da");
            NdArray xUsed = SeedNotation.firstSteps(x, da.dim(2));
            backward(network, xUsed, a0, c0, da, null);
            compareGradients(SeedNotation.read(network, network.gradients()), cell);
            compare("dx", inputGradient(network, xUsed));
            compare("da0", SeedNotation.readState(backend, network.initialStateGradient().h(0)));
        }

        /**
         * Forward over x, then backward from da on every step's a and, for the LSTM cell, from dcNext on the final c
         * (null: none).
         */
        void backward(Network<M> network, NdArray x, NdArray a0, NdArray c0, NdArray da, NdArray dcNext) {
            network.forward(denseBatch(x, Targets.NONE), state(network, a0, c0));
            RecurrentState<M> dFinal = dcNext == null ? null : state(network, new NdArray(a0.shape(), new double[a0.size()]), dcNext);
            network.backwardFromHidden(backend.fromArray(da.dim(2) * da.dim(1), da.dim(0), SeedNotation.sequenceToRows(da)), dFinal);
        }

        NdArray inputGradient(Network<M> network, NdArray x) {
            return SeedNotation.rowsToSequence(backend.toArray(network.inputGradient()), x.dim(0), x.dim(1), x.dim(2));
        }

        /** clip: the gradients loaded into a network's gradient set, GradientClipping.byValue(maxValue), read back. */
        void clip() {
            Map<String, NdArray> g = new LinkedHashMap<>();
            g.put("Wax", c.input("dWax"));
            g.put("Waa", c.input("dWaa"));
            g.put("ba", c.input("db"));
            g.put("Wya", c.input("dWya"));
            g.put("by", c.input("dby"));
            Network<M> network = Network.zeros(backend, SeedNotation.config(CellType.RNN, g, HeadType.PER_STEP_SOFTMAX));
            SeedNotation.load(network, network.gradients(), g);
            double norm = FiniteCheck.requireFinite(backend, network.gradients(), "gradient");
            GradientClipping.byValue(c.args().get("maxValue").asDouble()).apply(backend, network.gradients(), norm);
            compareGradients(SeedNotation.read(network, network.gradients()), CellType.RNN);
        }

        /** choice_example: NumpyRandomState.choice(n, p) against np.random.choice(a, p=p) after seeding. */
        void choice() {
            double[] p = c.args().get("p").asDoubleArray();
            int n = c.args().get("a").list().size();
            int index = new NumpyRandomState(c.seed()).choice(n, p);
            checks.equal("index", index, c.expected("index").asLong());
            covered.add("index");
            double u = new NumpyRandomState(c.seed()).randomSample();
            checks.close("u", u, c.expected("u").asDouble(), 0, 0);
            covered.add("u");
            double[] cdf = new double[n]; // as NumpyRandomState.choice documents: cdf = cumsum(p); cdf /= cdf[-1]
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += p[i];
                cdf[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cdf[i] /= sum;
            }
            checks.close("cdf", new NdArray(new int[] {n}, cdf), new NdArray(new int[] {n}, c.expected("cdf").asDoubleArray()), 0, 0);
            covered.add("cdf");
        }

        /**
         * sample: the seed's sampling loop through the core (one-step passes from the carried state, x = 0 at the
         * first step, softmax of the logits, NumpyRandomState(counter + seed).choice) until newline or the limit.
         */
        void sample() {
            Node args = c.args();
            int vocab = args.get("vocab_size").asInt();
            int newline = args.get("newline_index").asInt();
            int limit = args.get("limit").asInt();
            long seed = args.get("sample_seed").asLong();
            Network<M> network = network(CellType.RNN, weights(CellType.RNN));
            if (network.config().inputSize() != vocab || network.config().outputSize() != vocab) {
                checks.failure("Wax/Wya do not fit vocab_size " + vocab);
                return;
            }
            RecurrentState<M> state = RecurrentState.zeros(backend, network.config(), 1);
            NdArray probsExpected = c.expected("probs_first_steps").asArray();
            int probSteps = probsExpected.dim(0);
            double[] probs = new double[probSteps * vocab];
            List<Integer> indices = new ArrayList<>();
            List<Long> stepSeeds = new ArrayList<>();
            int idx = -1;
            int counter = 0;
            M p = backend.zeros(1, vocab);
            while (idx != newline && counter < limit) {
                int[] x = {indices.isEmpty() ? -1 : idx};
                network.forward(new SequenceBatch(1, 1, new Inputs.Dense(DinoNames.oneHotRows(x, vocab), vocab),
                        Targets.NONE), state);
                network.copyFinalState(state);
                backend.softmax(network.logits(), p);
                double[] y = backend.toArray(p);
                if (counter < probSteps) {
                    System.arraycopy(y, 0, probs, counter * vocab, vocab);
                }
                stepSeeds.add(counter + seed);
                idx = new NumpyRandomState(counter + seed).choice(vocab, y);
                indices.add(idx);
                seed++;
                counter++;
            }
            if (counter == limit) {
                indices.add(newline);
            }
            int prefix = c.expected("robust_prefix").asInt();
            covered.add("robust_prefix");
            int[] ours = indices.stream().mapToInt(Integer::intValue).toArray();
            int[] expected = c.expected("indices").asIntArray();
            int[] published = c.expected("published_indices").asIntArray();
            int n = Math.min(prefix, ours.length);
            checks.equal("indices[:robust_prefix=" + prefix + "]", Arrays.copyOf(ours, n), Arrays.copyOf(expected, prefix));
            checks.equal("published_indices[:robust_prefix=" + prefix + "]", Arrays.copyOf(ours, n), Arrays.copyOf(published, prefix));
            covered.add("indices");
            covered.add("published_indices");

            long[] expectedSeeds = Arrays.stream(c.expected("step_seeds").asIntArray()).asLongStream().toArray();
            int s = Math.min(prefix, expectedSeeds.length);
            long[] oursSeeds = stepSeeds.stream().mapToLong(Long::longValue).limit(s).toArray();
            checks.equal("step_seeds[:robust_prefix]", Arrays.stream(oursSeeds).mapToInt(v -> (int) v).toArray(),
                    Arrays.stream(Arrays.copyOf(expectedSeeds, s)).mapToInt(v -> (int) v).toArray());
            covered.add("step_seeds");
            double[] u = new double[expectedSeeds.length]; // the uniform each step's choice draws, for every listed seed
            for (int k = 0; k < u.length; k++) {
                u[k] = new NumpyRandomState(expectedSeeds[k]).randomSample();
            }
            double[] uExpected = c.expected("u").asDoubleArray();
            checks.close("u (random_sample after each step seed)", new NdArray(new int[] {u.length}, u),
                    new NdArray(new int[] {uExpected.length}, uExpected), 0, 0);
            covered.add("u");
            checks.close("probs_first_steps", new NdArray(probsExpected.shape(), probs), probsExpected,
                    GoldenTolerances.SAMPLE_PROBS_ATOL, GoldenTolerances.SAMPLE_PROBS_RTOL);
            covered.add("probs_first_steps");
        }

        /**
         * optimize: forward and loss, BPTT, clip by value, one SGD step, i.e. the core's Trainer.step with Sgd and
         * GradientClipping.byValue; the unclipped gradients come from a forward/backward before it.
         */
        void optimize() {
            Node args = c.args();
            int vocab = args.get("vocab_size").asInt();
            int[] xs = args.get("X").asIndexArrayWithNone();
            int[] ys = args.get("Y").asIntArray();
            Network<M> network = network(CellType.RNN, weights(CellType.RNN));
            SequenceBatch batch = new SequenceBatch(xs.length, 1, new Inputs.Dense(DinoNames.oneHotRows(xs, vocab), vocab),
                    new Targets.Classes(ys));
            RecurrentState<M> state = state(network, c.input("a_prev"), null);

            network.forward(batch, state);
            network.backward();
            Map<String, NdArray> unclipped = SeedNotation.read(network, network.gradients());
            Node expectedUnclipped = c.expected("gradients_unclipped");
            for (String key : expectedUnclipped.keys()) {
                checks.close("gradients_unclipped." + key, unclipped.get(converterKey(key)), expectedUnclipped.get(key).asArray(),
                        c.atol(), c.rtol());
            }
            covered.add("gradients_unclipped");

            Trainer<M> trainer = new Trainer<>(network, new Sgd<>(backend, args.get("learning_rate").asDouble()),
                    GradientClipping.byValue(args.get("maxValue").asDouble()));
            double loss = trainer.step(batch, state);
            checks.close("loss", loss, c.expected("loss").asDouble(), c.atol(), c.rtol());
            covered.add("loss");
            Map<String, NdArray> clipped = SeedNotation.read(network, network.gradients());
            compareGradients(clipped, CellType.RNN);
            checks.equal("argmax_dWax_flat", argmax(clipped.get("Wax").data()), c.expected("argmax_dWax_flat").asLong());
            covered.add("argmax_dWax_flat");
            compare("a_last", SeedNotation.readState(backend, state.h(0)));
            Map<String, NdArray> after = SeedNotation.read(network, network.parameters());
            Node expectedAfter = c.expected("parameters_after");
            for (String key : expectedAfter.keys()) {
                checks.close("parameters_after." + key, after.get(converterKey("d" + key)),
                        expectedAfter.get(key).asArray(), c.atol(), c.rtol());
            }
            covered.add("parameters_after");
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

        /** XY_example: X = [None] + indices of the name, Y = X[1:] + [newline], built as the dinos run builds them. */
        void datasetExample() {
            Node args = c.args();
            List<String> examples = args.get("examples").asStringList();
            String name = examples.get(args.get("index").asInt() % examples.size());
            Vocabulary vocabulary = DinoNames.fromResource().vocabulary();
            int[] expectedX = c.expected("X").asIndexArrayWithNone();
            checks.equal("X (None as −1)", DinoNames.inputs(vocabulary, name), expectedX);
            checks.equal("Y", DinoNames.targets(vocabulary, name), c.expected("Y").asIntArray());
            covered.add("X");
            covered.add("Y");
        }
    }
}
