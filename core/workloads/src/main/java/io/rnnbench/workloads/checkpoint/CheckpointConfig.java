package io.rnnbench.workloads.checkpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.rnnbench.core.model.Activation;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.workloads.io.JsonFiles;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema of a checkpoint's {@code config.json}: format and version, workload, the model configuration(s) by
 * name, the vocabulary (strings in index order), the optimizer's name and hyperparameters, the step count, the
 * smoothed loss, and the names of the parameter and optimizer-state arrays the archive holds.
 */
final class CheckpointConfig {
    static final String FORMAT = "rnnbench-checkpoint";
    static final long VERSION = 1;
    /** config.json is a few hundred kB for a 12,641-word vocabulary. */
    static final long MAX_BYTES = 64L << 20;

    /** What config.json declares. */
    record Contents(Checkpoint.Info info, List<String> parameterNames, List<String> stateNames) {
    }

    private CheckpointConfig() {
    }

    static String write(Contents contents) {
        Checkpoint.Info info = contents.info();
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.addProperty("version", VERSION);
        json.addProperty("workload", info.workload());
        JsonObject models = new JsonObject();
        info.models().forEach((name, c) -> models.add(name, modelJson(c)));
        json.add("models", models);
        json.add("vocabulary", strings(info.vocabulary()));
        JsonObject optimizer = new JsonObject();
        optimizer.addProperty("name", info.optimizer());
        info.hyperparameters().forEach(optimizer::addProperty);
        json.add("optimizer", optimizer);
        json.addProperty("step", info.step());
        json.addProperty("smoothed_loss", info.smoothedLoss());
        json.add("parameters", strings(contents.parameterNames()));
        json.add("optimizer_state", strings(contents.stateNames()));
        return json.toString();
    }

    private static JsonObject modelJson(ModelConfig c) {
        JsonObject m = new JsonObject();
        m.addProperty("cell", c.cell().name());
        m.addProperty("activation", c.activation().name());
        m.addProperty("input_size", c.inputSize());
        m.addProperty("hidden_size", c.hiddenSize());
        m.addProperty("layers", c.layers());
        m.addProperty("output_size", c.outputSize());
        m.addProperty("head", c.head().name());
        m.addProperty("embedding_size", c.embeddingSize());
        return m;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /**
     * Reads and validates config.json, at most {@link #MAX_BYTES} of it.
     *
     * @param where "file, entry config.json", the start of every message
     */
    static Contents read(InputStream in, String where) throws CheckpointException {
        JsonElement document;
        try {
            document = JsonFiles.parse(in, MAX_BYTES, where);
        } catch (JsonFiles.BadFileException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
        try {
            JsonObject json = object(document, "the document");
            String format = string(json, "format");
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("format is " + format + ", expected " + FORMAT);
            }
            long version = integer(json, "version", Long.MAX_VALUE);
            if (version != VERSION) {
                throw new IllegalArgumentException("version " + version + " is not supported (expected " + VERSION + ")");
            }
            Map<String, ModelConfig> models = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : object(json.get("models"), "'models'").entrySet()) {
                models.put(e.getKey(), modelConfig(object(e.getValue(), "'models." + e.getKey() + "'"), "models." + e.getKey()));
            }
            JsonObject optimizer = object(json.get("optimizer"), "'optimizer'");
            Map<String, Double> hyperparameters = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : optimizer.entrySet()) {
                if (!e.getKey().equals("name")) {
                    hyperparameters.put(e.getKey(), number(e.getValue(), "optimizer." + e.getKey()));
                }
            }
            Checkpoint.Info info = new Checkpoint.Info(string(json, "workload"), models, stringList(json, "vocabulary"),
                    string(optimizer, "name"), hyperparameters, integer(json, "step", Long.MAX_VALUE),
                    number(json.get("smoothed_loss"), "smoothed_loss"));
            return new Contents(info, stringList(json, "parameters"), stringList(json, "optimizer_state"));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(where + ": " + e.getMessage(), e);
        }
    }

    private static ModelConfig modelConfig(JsonObject m, String path) {
        return new ModelConfig(enumValue(CellType.class, m, "cell", path), size(m, "input_size", path),
                size(m, "hidden_size", path), size(m, "layers", path), size(m, "output_size", path),
                enumValue(HeadType.class, m, "head", path), enumValue(Activation.class, m, "activation", path),
                size(m, "embedding_size", path));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonObject json, String key, String path) {
        String name = string(json, key);
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + path + "." + key + "' is " + name + ", expected one of "
                + Arrays.toString(type.getEnumConstants()));
    }

    private static int size(JsonObject json, String key, String path) {
        return (int) integer(json, key, Integer.MAX_VALUE, path + "." + key);
    }

    private static long integer(JsonObject json, String key, long max) {
        return integer(json, key, max, key);
    }

    private static long integer(JsonObject json, String key, long max, String path) {
        JsonElement value = json.get(key);
        if (value instanceof JsonPrimitive p && p.isNumber()) {
            try {
                long n = p.getAsBigDecimal().longValueExact();
                if (n >= 0 && n <= max) {
                    return n;
                }
            } catch (ArithmeticException e) {
                // not an integer, or beyond long: reported below
            }
        }
        throw new IllegalArgumentException("'" + path + "' must be an integer in [0, " + max + "], got " + shown(value));
    }

    private static double number(JsonElement value, String path) {
        if (value instanceof JsonPrimitive p && p.isNumber()) {
            double d = p.getAsDouble();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + path + "' must be a finite number, got " + shown(value));
    }

    private static String string(JsonObject json, String key) {
        JsonElement value = json.get(key);
        if (value instanceof JsonPrimitive p && p.isString()) {
            return p.getAsString();
        }
        throw new IllegalArgumentException("'" + key + "' must be a string, got " + shown(value));
    }

    private static List<String> stringList(JsonObject json, String key) {
        JsonElement value = json.get(key);
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException("'" + key + "' must be a list, got " + shown(value));
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (!(e instanceof JsonPrimitive p && p.isString())) {
                throw new IllegalArgumentException("'" + key + "[" + i + "]' must be a string, got " + shown(e));
            }
            out.add(p.getAsString());
        }
        return out;
    }

    private static JsonObject object(JsonElement value, String what) {
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException(what + " must be a JSON object, got " + shown(value));
        }
        return object;
    }

    /** A value for a message: its JSON text, cut to 60 characters. */
    private static String shown(JsonElement value) {
        String text = String.valueOf(value);
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
