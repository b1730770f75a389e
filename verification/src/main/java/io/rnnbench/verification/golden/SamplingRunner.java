package io.rnnbench.verification.golden;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Precision;
import io.rnnbench.verification.ToleranceClass;
import io.rnnbench.workloads.DinoNames;
import io.rnnbench.workloads.DinosWorkload;
import io.rnnbench.workloads.text.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sampling family: {@code np.random.choice} (the generator's {@link NumpyRandomState#choice}) and
 * {@code sample} (the seed's sampling loop through the core: one-step passes from the carried state, x = 0 at the
 * first step, softmax of the logits, {@code np.random.seed(counter + seed)} then choice, until newline or the
 * limit). Over the dinos vocabulary the production sampler, {@link DinosWorkload#sampleName}, must give the same
 * indices.
 */
final class SamplingRunner {
    private SamplingRunner() {
    }

    /** The expected keys of each function of the family. */
    static List<String> keys(String function) {
        return switch (function) {
            case "np.random.choice" -> List.of("index", "u", "cdf");
            case "sample" -> List.of("indices", "step_seeds", "u", "robust_prefix", "published_indices", "probs_first_steps",
                    "probs", "min_cdf_margin");
            default -> throw new IllegalArgumentException(function);
        };
    }

    /** np.random.choice: NumpyRandomState.choice(n, p) against np.random.choice(a, p=p) after seeding. */
    static <M> void choice(CaseRun<M> run) {
        Seed002Case c = run.c;
        double[] p = c.args().get("p").asDoubleArray();
        int n = c.args().get("a").list().size();
        if (c.hasExpected("index")) {
            run.checks.equal("index", new NumpyRandomState(c.seed()).choice(n, p), c.expected("index").asLong());
            run.markCompared("index");
        }
        if (c.hasExpected("u")) {
            run.checks.close("u", new NumpyRandomState(c.seed()).randomSample(), c.expected("u").asDouble(), 0, 0);
            run.markCompared("u");
        }
        if (c.hasExpected("cdf")) {
            double[] cdf = cdf(p); // as NumpyRandomState.choice documents: cdf = cumsum(p); cdf /= cdf[-1]
            run.checks.close("cdf", vector(cdf), vector(c.expected("cdf").asDoubleArray()), 0, 0);
            run.markCompared("cdf");
        }
    }

    private static double[] cdf(double[] p) {
        double[] cdf = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            cdf[i] = sum;
        }
        for (int i = 0; i < p.length; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    /**
     * sample. Indices are compared exactly: the first {@code robust_prefix} when the case gives one (the published
     * case's recurrence is chaotic after it; fewer steps for a float32 backend, {@link ToleranceClass#robustPrefix}),
     * else all; probabilities within {@link GoldenTolerances#SAMPLE_PROBS_ATOL}
     * + {@link GoldenTolerances#SAMPLE_PROBS_RTOL}·|b|.
     */
    static <M> void sample(CaseRun<M> run) {
        Seed002Case c = run.c;
        FixtureValue args = c.args();
        int newline = args.has("newline_index") ? args.get("newline_index").asInt() : 0;
        int limit = args.has("limit") ? args.get("limit").asInt() : DinosWorkload.MAX_NAME_LENGTH;
        long seed = args.get("sample_seed").asLong();
        Network<M> network = run.network(CellType.RNN, run.weights(CellType.RNN));
        int vocab = network.config().inputSize(); // sizes from the arrays
        if (network.config().outputSize() != vocab) {
            run.checks.failure("Wax has " + vocab + " inputs but Wya " + network.config().outputSize() + " outputs");
            return;
        }
        RecurrentState<M> state = RecurrentState.zeros(run.backend, network.config(), 1);
        List<double[]> probs = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        List<Long> stepSeeds = new ArrayList<>();
        List<Double> uniforms = new ArrayList<>();
        int idx = -1;
        int counter = 0;
        M p = run.backend.zeros(1, vocab);
        Precision precision = Backends.precision(run.backend.name()); // of the probabilities choice checks
        while (idx != newline && counter < limit) {
            int[] x = {indices.isEmpty() ? -1 : idx};
            network.forward(new SequenceBatch(1, 1, new Inputs.Dense(DinoNames.oneHotRows(x, vocab), vocab), Targets.NONE), state);
            network.copyFinalState(state);
            run.backend.softmax(network.logits(), p);
            double[] y = run.backend.toArray(p);
            probs.add(y);
            stepSeeds.add(counter + seed);
            uniforms.add(new NumpyRandomState(counter + seed).randomSample());
            idx = new NumpyRandomState(counter + seed).choice(vocab, y, precision);
            indices.add(idx);
            seed++;
            counter++;
        }
        if (counter == limit) {
            indices.add(newline);
        }
        int[] ours = indices.stream().mapToInt(Integer::intValue).toArray();
        int[] expected = c.expected("indices").asIntArray();
        int prefix = expected.length;
        String upTo = "";
        if (c.hasExpected("robust_prefix")) {
            int robust = c.expected("robust_prefix").asInt();
            prefix = ToleranceClass.of(run.backend.name()).robustPrefix(robust);
            upTo = "[:robust_prefix=" + robust + (prefix == robust ? "" : ", " + prefix + " in float32") + "]";
        }
        run.markCompared("robust_prefix");
        run.checks.equal("indices" + upTo, Arrays.copyOf(ours, Math.min(prefix, ours.length)), Arrays.copyOf(expected, prefix));
        run.markCompared("indices");
        if (c.hasExpected("published_indices")) {
            int[] published = c.expected("published_indices").asIntArray();
            run.checks.equal("published_indices" + upTo, Arrays.copyOf(ours, Math.min(prefix, ours.length)),
                    Arrays.copyOf(published, Math.min(prefix, published.length)));
            run.markCompared("published_indices");
        }
        productionSampler(run, network, seed - counter, newline, limit, expected, prefix, upTo);

        if (c.hasExpected("step_seeds")) {
            long[] expectedSeeds = Arrays.stream(c.expected("step_seeds").asIntArray()).asLongStream().toArray();
            int s = Math.min(prefix, expectedSeeds.length);
            run.checks.equal("step_seeds" + upTo, stepSeeds.stream().mapToInt(Long::intValue).limit(s).toArray(),
                    Arrays.stream(Arrays.copyOf(expectedSeeds, s)).mapToInt(v -> (int) v).toArray());
            run.markCompared("step_seeds");
            double[] u = new double[expectedSeeds.length]; // the uniform each step's choice draws, for every listed seed
            for (int k = 0; k < u.length; k++) {
                u[k] = new NumpyRandomState(expectedSeeds[k]).randomSample();
            }
            if (c.hasExpected("u")) {
                run.checks.close("u (random_sample after each step seed)", vector(u), vector(c.expected("u").asDoubleArray()), 0, 0);
                run.markCompared("u");
            }
        }
        for (String key : new String[] {"probs_first_steps", "probs"}) {
            if (c.hasExpected(key)) {
                NdArray e = c.expected(key).asArray();
                int steps = Math.min(e.dim(0), probs.size());
                double[] flat = new double[steps * vocab];
                for (int k = 0; k < steps; k++) {
                    System.arraycopy(probs.get(k), 0, flat, k * vocab, vocab);
                }
                run.checks.close(key, NdArray.of(steps, vocab, flat), e, GoldenTolerances.SAMPLE_PROBS_ATOL,
                        GoldenTolerances.SAMPLE_PROBS_RTOL);
                run.markCompared(key);
            }
        }
        if (c.hasExpected("min_cdf_margin")) { // min over the steps of |u − cdf[j]|: how far every draw is from a tie
            double margin = Double.POSITIVE_INFINITY;
            for (int k = 0; k < probs.size(); k++) {
                for (double boundary : cdf(probs.get(k))) {
                    margin = Math.min(margin, Math.abs(uniforms.get(k) - boundary));
                }
            }
            run.checks.close("min_cdf_margin", margin, c.expected("min_cdf_margin").asDouble(),
                    GoldenTolerances.SAMPLE_PROBS_ATOL, GoldenTolerances.SAMPLE_PROBS_RTOL);
            run.markCompared("min_cdf_margin");
        }
    }

    /**
     * The production sampler on the same weights: {@link DinosWorkload#sampleName} (the {@code dinos} workload's
     * own code, not this runner's loop) must reproduce NumPy's indices, when the case samples over the dinos
     * vocabulary (27 symbols, newline at 0) with the seed's limit.
     */
    private static <M> void productionSampler(CaseRun<M> run, Network<M> network, long seed, int newline, int limit,
                                              int[] expected, int prefix, String upTo) {
        Vocabulary vocabulary = DinoNames.fromResource().vocabulary();
        if (vocabulary.size() != network.config().inputSize() || vocabulary.index('\n') != newline
                || limit != DinosWorkload.MAX_NAME_LENGTH) {
            return;
        }
        String name = DinosWorkload.sampleName(network, vocabulary, seed);
        int[] indices = name.codePoints().map(vocabulary::index).toArray();
        run.checks.equal("indices" + upTo + " by DinosWorkload.sampleName", Arrays.copyOf(indices, Math.min(prefix, indices.length)),
                Arrays.copyOf(expected, prefix));
    }

    private static NdArray vector(double[] v) {
        return new NdArray(new int[] {v.length}, v);
    }
}
