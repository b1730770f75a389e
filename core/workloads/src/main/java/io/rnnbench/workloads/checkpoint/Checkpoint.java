package io.rnnbench.workloads.checkpoint;

import com.google.gson.JsonPrimitive;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.spi.Backend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A training checkpoint: parameters, optimizer state, vocabulary and configuration, held in memory. Its file format
 * ({@code .npz} with a {@code config.json}) is {@link CheckpointFile}'s: {@link #write} and {@link #read} go there.
 *
 * <p>{@link #restore} compares the configuration, vocabulary, optimizer and every name and shape with the model's,
 * and checks every value (finite; Adagrad's memory, a sum of squares, not negative), before copying a single value,
 * so a bad or mismatched checkpoint is rejected whole and never half-loaded.
 */
public final class Checkpoint {
    static final String STATE_PREFIX = "optimizer.";

    /** What a checkpoint describes besides its arrays. */
    public record Info(String workload, Map<String, ModelConfig> models, List<String> vocabulary, String optimizer,
                       Map<String, Double> hyperparameters, long step, double smoothedLoss) {
        public Info {
            Objects.requireNonNull(workload, "workload");
            models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
            vocabulary = List.copyOf(vocabulary);
            Objects.requireNonNull(optimizer, "optimizer");
            hyperparameters = Collections.unmodifiableMap(new TreeMap<>(hyperparameters)); // sorted: reproducible bytes
        }
    }

    private final String source;
    private final Info info;
    private final Map<String, Tensor> parameters;
    private final Map<String, Tensor> optimizerState;

    private Checkpoint(String source, Info info, Map<String, Tensor> parameters, Map<String, Tensor> optimizerState) {
        this.source = source;
        this.info = info;
        this.parameters = Collections.unmodifiableMap(parameters);
        this.optimizerState = Collections.unmodifiableMap(optimizerState);
    }

    /**
     * Captures a model: its parameters and the optimizer's state (names as the parameters they belong to, under
     * state name {@code stateName}, e.g. Adagrad's {@code m}; null or empty for a stateless optimizer), copied out
     * through the array boundary.
     */
    public static <M> Checkpoint capture(Info info, Backend<M> backend, Parameters<M> parameters, String stateName,
                                         Parameters<M> state) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        for (NamedMatrix<M> m : parameters) {
            p.put(m.name(), new Tensor(m.rows(), m.cols(), backend.toArray(m.value())));
        }
        Map<String, Tensor> s = new LinkedHashMap<>();
        if (state != null) {
            for (NamedMatrix<M> m : state) {
                s.put(STATE_PREFIX + stateName + "." + m.name(), new Tensor(m.rows(), m.cols(), backend.toArray(m.value())));
            }
        }
        return new Checkpoint("checkpoint", info, p, s);
    }

    /** A checkpoint of given arrays (tests, converters). */
    public static Checkpoint of(Info info, Map<String, Tensor> parameters, Map<String, Tensor> optimizerState) {
        return of("checkpoint", info, parameters, optimizerState);
    }

    /** A checkpoint read from {@code source} (a file name, for messages). */
    static Checkpoint of(String source, Info info, Map<String, Tensor> parameters, Map<String, Tensor> optimizerState) {
        return new Checkpoint(source, info, new LinkedHashMap<>(parameters), new LinkedHashMap<>(optimizerState));
    }

    public Info info() {
        return info;
    }

    /** The parameter arrays by name, in the model's order. */
    public Map<String, Tensor> parameters() {
        return parameters;
    }

    /** The optimizer state arrays by entry name ({@code optimizer.<state>.<parameter>}). */
    public Map<String, Tensor> optimizerState() {
        return optimizerState;
    }

    /** Writes the checkpoint to {@code file}, atomically and durably, in {@link CheckpointFile}'s format. */
    public void write(Path file) throws IOException {
        CheckpointFile.write(file, this);
    }

    /**
     * Reads and validates a whole checkpoint file ({@link CheckpointFile#read}).
     *
     * @throws CheckpointException naming the file, the entry and what is wrong
     */
    public static Checkpoint read(Path file) throws CheckpointException {
        return CheckpointFile.read(file);
    }

    // ---- restoring ------------------------------------------------------------------------------------------

    /**
     * Copies the checkpoint into a model after checking that it fits: same workload, same model configuration(s),
     * same vocabulary, same optimizer, and exactly the same parameter and state names and shapes. Nothing is
     * copied unless everything fits.
     *
     * @param expected   the model's own description (its step and smoothed loss are ignored)
     * @param parameters Modified.
     * @param stateName  the optimizer's state name (e.g. {@code m}), or null for none
     * @param state      Modified; null for a stateless optimizer
     * @throws CheckpointException saying what differs
     */
    public <M> void restore(Info expected, Backend<M> backend, Parameters<M> parameters, String stateName, Parameters<M> state)
            throws CheckpointException {
        String where = source;
        if (!info.workload().equals(expected.workload())) {
            throw new CheckpointException(where + ": workload is " + info.workload() + ", expected " + expected.workload());
        }
        if (!info.models().keySet().equals(expected.models().keySet())) {
            throw new CheckpointException(where + ": models " + info.models().keySet() + ", expected " + expected.models().keySet());
        }
        for (String model : expected.models().keySet()) {
            ModelConfig have = info.models().get(model);
            ModelConfig want = expected.models().get(model);
            if (have.cell() != want.cell()) {
                throw new CheckpointException(where + ": model " + model + " has cell " + have.cell() + ", expected " + want.cell());
            }
            if (!have.equals(want)) {
                throw new CheckpointException(where + ": model " + model + " is " + have + ", expected " + want);
            }
        }
        if (!info.vocabulary().equals(expected.vocabulary())) {
            throw new CheckpointException(where + ": vocabulary differs: " + vocabularyDifference(info.vocabulary(), expected.vocabulary()));
        }
        if (!info.optimizer().equals(expected.optimizer())) {
            throw new CheckpointException(where + ": optimizer is " + info.optimizer() + ", expected " + expected.optimizer());
        }
        Map<String, NamedMatrix<M>> targets = new LinkedHashMap<>();
        for (NamedMatrix<M> p : parameters) {
            targets.put(p.name(), p);
        }
        if (state != null) {
            for (NamedMatrix<M> s : state) {
                targets.put(STATE_PREFIX + stateName + "." + s.name(), s);
            }
        }
        Map<String, Tensor> saved = new LinkedHashMap<>(this.parameters);
        saved.putAll(optimizerState);
        if (!saved.keySet().equals(targets.keySet())) {
            List<String> missing = new ArrayList<>(targets.keySet());
            missing.removeAll(saved.keySet());
            List<String> extra = new ArrayList<>(saved.keySet());
            extra.removeAll(targets.keySet());
            throw new CheckpointException(where + ": arrays do not match the model: missing " + missing + ", unexpected " + extra);
        }
        for (Map.Entry<String, NamedMatrix<M>> e : targets.entrySet()) {
            Tensor t = saved.get(e.getKey());
            NamedMatrix<M> m = e.getValue();
            if (t.rows() != m.rows() || t.cols() != m.cols()) {
                throw new CheckpointException(where + ", entry " + e.getKey() + ".npy: shape " + t.shape() + ", the model needs ["
                        + m.rows() + ", " + m.cols() + "]");
            }
        }
        for (Map.Entry<String, NamedMatrix<M>> e : targets.entrySet()) {
            requireValidValues(where, e.getKey(), saved.get(e.getKey()).data(), nonNegative(e.getKey()));
        }
        for (Map.Entry<String, NamedMatrix<M>> e : targets.entrySet()) { // everything fits: copy
            NamedMatrix<M> m = e.getValue();
            backend.load(saved.get(e.getKey()).data(), m.value());
        }
    }

    /** Adagrad's memory m is a sum of squares: a negative entry would make √(m + ε) NaN. */
    private boolean nonNegative(String arrayName) {
        return info.optimizer().equals("adagrad") && arrayName.startsWith(STATE_PREFIX + "m.");
    }

    private static void requireValidValues(String where, String name, double[] values, boolean nonNegative)
            throws CheckpointException {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || nonNegative && values[i] < 0) {
                throw new CheckpointException(where + ", entry " + name + ".npy: value " + values[i] + " at index " + i
                        + (nonNegative ? " (this state must be finite and ≥ 0)" : " (values must be finite)"));
            }
        }
    }

    private static String vocabularyDifference(List<String> have, List<String> want) {
        if (have.size() != want.size()) {
            return "the checkpoint has " + have.size() + " entries, the model " + want.size();
        }
        for (int i = 0; i < have.size(); i++) {
            if (!have.get(i).equals(want.get(i))) {
                return "entry " + i + " is " + new JsonPrimitive(have.get(i)) + " in the checkpoint, " + new JsonPrimitive(want.get(i))
                        + " in the model";
            }
        }
        return "none";
    }
}
