package io.rnnbench.verification.golden;

import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.train.SmoothedLoss;
import io.rnnbench.core.train.Trainer;
import io.rnnbench.workloads.DinoNames;
import io.rnnbench.workloads.DinosWorkload;
import io.rnnbench.workloads.text.Vocabulary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code dinos-trajectory} fixture: the smoothed loss of seed 002's dinosaur-name model ({@code model()} /
 * {@code optimize()}) trained with NumPy, at checkpoints, and the same run through the core.
 *
 * <p>The run is the core's {@code dinos} workload ({@link DinosWorkload#network}, {@link DinosWorkload#batches},
 * {@link DinosWorkload#trainer}) with the fixture's settings. As the fixture's {@code format} documents it: data from
 * {@link DinoNames} (the core's copy of seed 002's {@code dinos.txt}); weights
 * {@code np.random.seed(init_seed); Wax = randn(n_a, V)·s; Waa = randn(n_a, n_a)·s; Wya = randn(V, n_a)·s}, biases 0,
 * transposed onto the core's layout (the core's own {@code Network.create} draws in its own layout, so it is
 * not used); {@code np.random.seed(shuffle_seed); np.random.shuffle(examples)}; step j trains on
 * {@code examples[j % n]} with {@code X = [None] + name} as dense one-hot rows (None = a zero row), one
 * {@link Trainer#step} (forward, loss summed over steps, BPTT, clip by value, SGD) from the hidden state carried from
 * the previous step; the smoothed loss starts at {@code initial_loss} and folds in every step's loss
 * ({@link SmoothedLoss}).
 */
public final class DinosTrajectory {
    /** The seed's {@code get_initial_loss(vocab_size, dino_names)} uses dino_names = 7 steps. */
    public static final int SEED_INITIAL_LOSS_STEPS = 7;

    /**
     * The run's settings (the fixture's {@code config}); every key is optional, with the {@code dinos} workload's
     * value ({@link DinosWorkload}) as the default.
     *
     * @param initialLoss the starting smoothed loss; NaN when the file does not give it (then −ln(1/V)·7)
     * @param steps       steps trained: through the last checkpoint (a file's {@code steps} may say one more, or
     *                    the checkpoint itself: either way nothing after the last checkpoint is checked)
     * @param corpus      the names file ({@code config.corpus}: a path, absolute or relative to the fixture file),
     *                    or null for the built-in dinos list ({@link DinoNames#fromResource})
     */
    public record Config(int hidden, double learningRate, double clip, long initSeed, double initScale, long shuffleSeed,
                         double initialLoss, int steps, Path corpus) {
    }

    /** One checkpoint: the smoothed loss after step {@code step} (0-based) and its relative tolerance. */
    public record Checkpoint(int step, double smoothedLoss, double rtol) {
    }

    /**
     * The outcome of a Java run.
     *
     * @param smoothedAt         smoothed loss after each checkpoint's step, in checkpoint order
     * @param lossDefinitionAt   per checkpoint: the core's step loss and Σ_t −log(softmax(z_t)[Y_t]) from its logits
     * @param uniformGuessLoss   SmoothedLoss.fromUniformGuess(V, 7), to compare with the fixture's initial_loss
     * @param nanos              wall time of the training loop
     */
    public record TrajectoryResult(double[] smoothedAt, double[][] lossDefinitionAt, double uniformGuessLoss, long nanos) {
    }

    private final FixtureValue root;
    private final Config config;
    private final List<Checkpoint> checkpoints = new ArrayList<>();

    /** The trajectory of a parsed file; {@code directory} resolves a relative {@code config.corpus} (null: the working directory). */
    public DinosTrajectory(FixtureValue root, Path directory) {
        this.root = root;
        FixtureValue c = root.has("config") ? root.get("config") : null;
        for (FixtureValue p : root.get("checkpoints").list()) {
            Checkpoint cp = new Checkpoint(p.get("step").asInt(), p.get("smoothed_loss").asDouble(), p.get("rtol").asDouble());
            if (cp.step() < 0) {
                throw p.get("step").fail("a step ≥ 0", String.valueOf(cp.step()));
            }
            if (!(cp.rtol() >= 0)) {
                throw p.get("rtol").fail("a relative tolerance ≥ 0", String.valueOf(cp.rtol()));
            }
            checkpoints.add(cp);
        }
        if (checkpoints.isEmpty()) {
            throw root.get("checkpoints").fail("at least one checkpoint", "none");
        }
        int last = checkpoints.stream().mapToInt(Checkpoint::step).max().orElseThrow();
        Path corpus = null;
        if (c != null && c.has("corpus") && !c.get("corpus").isNull()) {
            Path named = Path.of(c.get("corpus").asString());
            corpus = named.isAbsolute() || directory == null ? named : directory.resolve(named);
        }
        this.config = new Config(
                c != null && c.has("n_a") ? c.get("n_a").asInt() : DinosWorkload.HIDDEN,
                c != null && c.has("learning_rate") ? c.get("learning_rate").asDouble() : DinosWorkload.LEARNING_RATE,
                c != null && c.has("clip") ? c.get("clip").asDouble() : DinosWorkload.CLIP,
                c != null && c.has("init_seed") ? c.get("init_seed").asLong() : DinosWorkload.INIT_SEED,
                c != null && c.has("init_scale") ? c.get("init_scale").asDouble() : DinosWorkload.INIT_SCALE,
                c != null && c.has("shuffle_seed") ? c.get("shuffle_seed").asLong() : DinosWorkload.SHUFFLE_SEED,
                c != null && c.has("initial_loss") ? c.get("initial_loss").asDouble() : Double.NaN,
                last + 1, corpus);
    }

    public Config config() {
        return config;
    }

    public List<Checkpoint> checkpoints() {
        return checkpoints;
    }

    public FixtureValue root() {
        return root;
    }

    /** The largest names file a fixture may name (the built-in list is 19 kB). */
    static final long MAX_CORPUS_BYTES = 16L << 20;

    /** The names the run trains on: the file named by {@code config.corpus}, else the built-in dinos list. */
    public DinoNames corpus() {
        if (config.corpus() == null) {
            return DinoNames.fromResource();
        }
        try {
            long size = Files.size(config.corpus());
            if (size > MAX_CORPUS_BYTES) {
                throw root.get("config").get("corpus").fail("a names file of at most " + MAX_CORPUS_BYTES + " bytes",
                        config.corpus().toAbsolutePath() + " has " + size);
            }
            return DinoNames.of(Files.readString(config.corpus(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw root.get("config").get("corpus").fail("a readable names file", config.corpus().toAbsolutePath() + ": " + e);
        }
    }

    /** Trains on {@code backend} through the last checkpoint and records the smoothed loss at every checkpoint. */
    public <M> TrajectoryResult run(Backend<M> backend, DinoNames data) {
        Vocabulary vocabulary = data.vocabulary();
        int v = vocabulary.size();
        int h = config.hidden();
        // the network, the shuffled examples and the trainer are the core's `dinos` workload's (DinosWorkload)
        Network<M> network = DinosWorkload.network(backend, v, h, config.initSeed(), config.initScale());
        List<SequenceBatch> batches = DinosWorkload.batches(data, config.shuffleSeed()); // built once: revisited ~13 times
        Trainer<M> trainer = DinosWorkload.trainer(network, config.learningRate(), config.clip());
        RecurrentState<M> state = RecurrentState.zeros(backend, network.config(), 1); // a_prev = 0, then carried
        SmoothedLoss smoothed = Double.isNaN(config.initialLoss())
                ? SmoothedLoss.fromUniformGuess(v, SEED_INITIAL_LOSS_STEPS) : new SmoothedLoss(config.initialLoss());
        double[] at = new double[checkpoints.size()];
        double[][] lossDefinition = new double[checkpoints.size()][];
        long start = System.nanoTime();
        for (int j = 0; j < config.steps(); j++) {
            SequenceBatch batch = batches.get(j % batches.size());
            double loss = trainer.step(batch, state); //  state: a_prev in, a of the last step out
            double value = smoothed.update(loss);
            for (int k = 0; k < checkpoints.size(); k++) {
                if (checkpoints.get(k).step() == j) {
                    at[k] = value;
                    lossDefinition[k] = new double[] {loss, seedLoss(backend, network.logits(), ((Targets.Classes) batch.targets()).index())};
                }
            }
        }
        long nanos = System.nanoTime() - start;
        return new TrajectoryResult(at, lossDefinition, SmoothedLoss.fromUniformGuess(v, SEED_INITIAL_LOSS_STEPS).value(), nanos);
    }

    /** The seed's loss, Σ_t −log(softmax(z_t)[Y_t]) with softmax = e^(z − max z) / Σ e^(z − max z), from logits [T, V]. */
    static <M> double seedLoss(Backend<M> backend, M logits, int[] targets) {
        int v = backend.cols(logits);
        double[] z = backend.toArray(logits);
        double loss = 0;
        for (int t = 0; t < targets.length; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < v; j++) {
                max = Math.max(max, z[t * v + j]);
            }
            double sum = 0;
            for (int j = 0; j < v; j++) {
                sum += Math.exp(z[t * v + j] - max);
            }
            loss -= Math.log(Math.exp(z[t * v + targets[t]] - max) / sum);
        }
        return loss;
    }

}
