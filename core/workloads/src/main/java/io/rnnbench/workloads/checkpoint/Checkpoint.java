package io.rnnbench.workloads.checkpoint;

import io.rnnbench.workloads.io.AtomicFiles;
import io.rnnbench.core.model.Activation;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.spi.Backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A training checkpoint: parameters, optimizer state, vocabulary and configuration, in NumPy's {@code .npz} format.
 *
 * <p>File layout: a zip (entries stored uncompressed, as {@code numpy.savez} writes them) holding one {@code .npy}
 * v1.0 array ({@code <f8}, C order, 2-d) per parameter, named as the parameter ({@code layer0.wX.npy} → key
 * {@code layer0.wX}), one per optimizer state tensor ({@code optimizer.<state>.<parameter>.npy}, e.g.
 * {@code optimizer.m.layer0.wX}), and {@code config.json} in the same zip: format and version, workload, the model
 * configuration(s) by name ({@code network}, or {@code encoder} and {@code decoder}), the vocabulary as a list of
 * strings (characters or words, in index order), the optimizer's name and hyperparameters, the step count, the
 * smoothed loss and the lists of parameter and state names. {@code numpy.load(file)} reads every array (its
 * {@code files} also lists {@code config.json}, whose bytes {@code d.zip.read('config.json')} gives).
 *
 * <p>Writing is atomic: a temporary file in the target directory, then a move over the target. Reading validates the
 * whole file into memory (zip structure, CRC of every entry, every .npy header and length, the JSON, that every name
 * listed is present and nothing else is) before anything is returned; {@link #restore} compares the configuration,
 * vocabulary, optimizer and every name and shape with the model's before copying a single value, so a bad or
 * mismatched checkpoint is rejected whole and never half-loaded.
 */
public final class Checkpoint {
    public static final String FORMAT = "rnnbench-checkpoint";
    public static final long VERSION = 1;
    public static final String CONFIG_ENTRY = "config.json";
    static final String STATE_PREFIX = "optimizer.";

    /** What a checkpoint describes besides its arrays. */
    public record Info(String workload, Map<String, ModelConfig> models, List<String> vocabulary, String optimizer,
                       Map<String, Double> hyperparameters, long step, double smoothedLoss) {
        public Info {
            Objects.requireNonNull(workload, "workload");
            models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
            vocabulary = List.copyOf(vocabulary);
            Objects.requireNonNull(optimizer, "optimizer");
            hyperparameters = Collections.unmodifiableMap(new java.util.TreeMap<>(hyperparameters)); // sorted: reproducible bytes
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
        return new Checkpoint("checkpoint", info, new LinkedHashMap<>(parameters), new LinkedHashMap<>(optimizerState));
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

    // ---- writing ---------------------------------------------------------------------------------------

    /** Writes the checkpoint to {@code file} atomically (temporary file in the same directory, then a move). */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, Tensor> e : parameters.entrySet()) {
                    stored(zip, e.getKey() + ".npy", Npy.write(e.getValue()));
                }
                for (Map.Entry<String, Tensor> e : optimizerState.entrySet()) {
                    stored(zip, e.getKey() + ".npy", Npy.write(e.getValue()));
                }
                stored(zip, CONFIG_ENTRY, Json.write(configJson()).getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        entry.setTime(0); // reproducible bytes
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private Map<String, Object> configJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        json.put("workload", info.workload());
        Map<String, Object> models = new LinkedHashMap<>();
        info.models().forEach((name, c) -> models.put(name, modelJson(c)));
        json.put("models", models);
        json.put("vocabulary", info.vocabulary());
        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("name", info.optimizer());
        optimizer.putAll(info.hyperparameters());
        json.put("optimizer", optimizer);
        json.put("step", info.step());
        json.put("smoothed_loss", info.smoothedLoss());
        json.put("parameters", new ArrayList<>(parameters.keySet()));
        json.put("optimizer_state", new ArrayList<>(optimizerState.keySet()));
        return json;
    }

    private static Map<String, Object> modelJson(ModelConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", c.cell().name());
        m.put("activation", c.activation().name());
        m.put("input_size", (long) c.inputSize());
        m.put("hidden_size", (long) c.hiddenSize());
        m.put("layers", (long) c.layers());
        m.put("output_size", (long) c.outputSize());
        m.put("head", c.head().name());
        m.put("embedding_size", (long) c.embeddingSize());
        return m;
    }

    // ---- reading -----------------------------------------------------------------------------------------

    /**
     * Reads and validates a whole checkpoint file into memory.
     *
     * @throws CheckpointException naming the file, the entry and what is wrong (not a zip, truncated, CRC mismatch,
     *                             bad .npy, bad or missing config.json, arrays missing or unexpected)
     */
    public static Checkpoint read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file + ": no such checkpoint file");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                } catch (IOException e) {
                    throw new CheckpointException(file + ", entry " + entry.getName() + ": unreadable (" + e.getMessage() + ")", e);
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    throw new CheckpointException(file + ", entry " + entry.getName() + ": corrupt (CRC mismatch)");
                }
                if (entries.put(entry.getName(), bytes) != null) {
                    throw new CheckpointException(file + ": entry " + entry.getName() + " appears twice");
                }
            }
        } catch (ZipException e) {
            throw new CheckpointException(file + ": not a readable .npz (zip) file, truncated or corrupt (" + e.getMessage() + ")", e);
        }
        byte[] config = entries.remove(CONFIG_ENTRY);
        if (config == null) {
            throw new CheckpointException(file + ": entry " + CONFIG_ENTRY + " is missing");
        }
        Map<String, Object> json;
        try {
            Object parsed = Json.parse(new String(config, StandardCharsets.UTF_8));
            if (!(parsed instanceof Map)) {
                throw new IllegalArgumentException("the document is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) parsed;
            json = object;
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file + ", entry " + CONFIG_ENTRY + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        String where = file + ", entry " + CONFIG_ENTRY;
        try {
            if (!FORMAT.equals(json.get("format"))) {
                throw new CheckpointException(where + ": format is " + json.get("format") + ", expected " + FORMAT);
            }
            if (!Long.valueOf(VERSION).equals(json.get("version"))) {
                throw new CheckpointException(where + ": version " + json.get("version") + " is not supported (expected " + VERSION + ")");
            }
            Map<String, ModelConfig> models = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : map(json, "models").entrySet()) {
                models.put(e.getKey(), modelConfig(asMap(e.getValue(), "models." + e.getKey())));
            }
            List<String> vocabulary = new ArrayList<>();
            for (Object o : list(json, "vocabulary")) {
                if (!(o instanceof String s)) {
                    throw new IllegalArgumentException("vocabulary holds a non-string " + o);
                }
                vocabulary.add(s);
            }
            Map<String, Object> optimizer = map(json, "optimizer");
            Map<String, Double> hyper = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : optimizer.entrySet()) {
                if (!e.getKey().equals("name")) {
                    hyper.put(e.getKey(), number(e.getValue(), "optimizer." + e.getKey()).doubleValue());
                }
            }
            Info info = new Info(string(json, "workload"), models, vocabulary, string(optimizer, "name"), hyper,
                    number(json.get("step"), "step").longValue(), number(json.get("smoothed_loss"), "smoothed_loss").doubleValue());
            Map<String, Tensor> parameters = tensors(file, entries, list(json, "parameters"));
            Map<String, Tensor> state = tensors(file, entries, list(json, "optimizer_state"));
            if (!entries.isEmpty()) {
                throw new CheckpointException(file + ": unexpected entries " + entries.keySet() + " (not listed in " + CONFIG_ENTRY + ")");
            }
            return new Checkpoint(file.toString(), info, parameters, state);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new CheckpointException(where + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Tensor> tensors(Path file, Map<String, byte[]> entries, List<Object> names) throws CheckpointException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Object o : names) {
            String name = String.valueOf(o);
            byte[] bytes = entries.remove(name + ".npy");
            if (bytes == null) {
                throw new CheckpointException(file + ": entry " + name + ".npy is missing (listed in " + CONFIG_ENTRY + ")");
            }
            out.put(name, Npy.read(bytes, file + ", entry " + name + ".npy"));
        }
        return out;
    }

    private static ModelConfig modelConfig(Map<String, Object> m) {
        return new ModelConfig(CellType.valueOf(string(m, "cell")), integer(m, "input_size"), integer(m, "hidden_size"),
                integer(m, "layers"), integer(m, "output_size"), HeadType.valueOf(string(m, "head")),
                Activation.valueOf(string(m, "activation")), integer(m, "embedding_size"));
    }

    private static Map<String, Object> map(Map<String, Object> json, String key) {
        return asMap(json.get(key), key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String key) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("'" + key + "' must be an object, got " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> json, String key) {
        Object value = json.get(key);
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("'" + key + "' must be a list, got " + value);
        }
        return (List<Object>) value;
    }

    private static String string(Map<String, Object> json, String key) {
        Object value = json.get(key);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("'" + key + "' must be a string, got " + value);
        }
        return s;
    }

    private static Number number(Object value, String key) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("'" + key + "' must be a number, got " + value);
        }
        return n;
    }

    private static int integer(Map<String, Object> json, String key) {
        Object value = json.get(key);
        if (!(value instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + key + "' must be a non-negative integer, got " + value);
        }
        return n.intValue();
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
        for (Map.Entry<String, NamedMatrix<M>> e : targets.entrySet()) { // everything fits: copy
            NamedMatrix<M> m = e.getValue();
            backend.load(saved.get(e.getKey()).data(), m.value());
        }
    }

    private static String vocabularyDifference(List<String> have, List<String> want) {
        if (have.size() != want.size()) {
            return "the checkpoint has " + have.size() + " entries, the model " + want.size();
        }
        for (int i = 0; i < have.size(); i++) {
            if (!have.get(i).equals(want.get(i))) {
                return "entry " + i + " is " + Json.write(have.get(i)) + " in the checkpoint, " + Json.write(want.get(i)) + " in the model";
            }
        }
        return "none";
    }
}
