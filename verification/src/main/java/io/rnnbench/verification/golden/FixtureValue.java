package io.rnnbench.verification.golden;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;

/**
 * A value of a fixture file (a Gson {@link JsonElement}) together with the file and its JSON path
 * ({@code $.cases[3].inputs.Wax}), so that a fixture that parses but does not have the expected structure fails
 * with a message naming the file, the path, what was expected and what is there. It also reads the fixtures' own
 * forms: arrays {@code {"shape", "data"}} as {@link NdArray}, index lists with {@code null} (the seeds' None).
 */
public final class FixtureValue {
    private final String source;
    private final String path;
    private final JsonElement value;

    private FixtureValue(String source, String path, JsonElement value) {
        this.source = source;
        this.path = path;
        this.value = value;
    }

    /** The root of a parsed document. */
    public static FixtureValue root(String source, JsonElement value) {
        return new FixtureValue(source, "$", value);
    }

    public String path() {
        return path;
    }

    /** The file path or resource name. */
    public String source() {
        return source;
    }

    /** The Gson tree of this value. */
    public JsonElement json() {
        return value;
    }

    public boolean isNull() {
        return value == null || value.isJsonNull();
    }

    public boolean isObject() {
        return value != null && value.isJsonObject();
    }

    public boolean isList() {
        return value != null && value.isJsonArray();
    }

    public boolean isNumber() {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
    }

    public boolean isBoolean() {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
    }

    /** Whether this object has {@code key}. */
    public boolean has(String key) {
        return asObject().has(key);
    }

    /** Member {@code key} of this object; fails when it is missing. */
    public FixtureValue get(String key) {
        JsonObject object = asObject();
        if (!object.has(key)) {
            throw fail("a key \"" + key + "\"", "only " + object.keySet());
        }
        return new FixtureValue(source, path + "." + key, object.get(key));
    }

    /** The keys of this object, in file order. */
    public List<String> keys() {
        return new ArrayList<>(asObject().keySet());
    }

    /** The elements of this array. */
    public List<FixtureValue> list() {
        if (!isList()) {
            throw fail("an array", describe());
        }
        JsonArray array = value.getAsJsonArray();
        List<FixtureValue> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            values.add(new FixtureValue(source, path + "[" + i + "]", array.get(i)));
        }
        return values;
    }

    public String asString() {
        if (!(value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
            throw fail("a string", describe());
        }
        return value.getAsString();
    }

    public boolean asBoolean() {
        if (!isBoolean()) {
            throw fail("true or false", describe());
        }
        return value.getAsBoolean();
    }

    /** The number, exactly as {@link Double#parseDouble} reads the file's text (see {@link FixtureReader}). */
    public double asDouble() {
        if (!isNumber()) {
            throw fail("a number", describe());
        }
        return value.getAsDouble();
    }

    /** A number that is an exact integer in the range where doubles are exact integers (|n| ≤ 2^53). */
    public long asLong() {
        double d = asDouble();
        if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
            throw fail("an integer", String.valueOf(d));
        }
        return (long) d;
    }

    /** A number that is an exact integer in the range of {@code int}. */
    public int asInt() {
        long l = asLong();
        if (l != (int) l) {
            throw fail("an integer in the range of int", String.valueOf(l));
        }
        return (int) l;
    }

    /** An array of integers (no nulls). */
    public int[] asIntArray() {
        List<FixtureValue> values = list();
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asInt();
        }
        return out;
    }

    /** An array of numbers. */
    public double[] asDoubleArray() {
        List<FixtureValue> values = list();
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asDouble();
        }
        return out;
    }

    /** An array of integers or nulls; null becomes −1 (the seeds' {@code None}: a zero input vector). */
    public int[] asIndexArrayWithNone() {
        List<FixtureValue> values = list();
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).isNull() ? -1 : values.get(i).asInt();
        }
        return out;
    }

    /** An array of strings. */
    public List<String> asStringList() {
        List<String> out = new ArrayList<>();
        for (FixtureValue v : list()) {
            out.add(v.asString());
        }
        return out;
    }

    /** An array in the fixtures' form {@code {"shape": [d0, …], "data": [C-order entries]}}. */
    public NdArray asArray() {
        if (!isObject() || !has("shape") || !has("data")) {
            throw fail("an array {\"shape\": […], \"data\": […]}", describe());
        }
        int[] shape = get("shape").asIntArray();
        double[] data = get("data").asDoubleArray();
        try {
            return new NdArray(shape, data);
        } catch (IllegalArgumentException e) {
            throw fail("data matching the shape", e.getMessage());
        }
    }

    /** Whether this is an array in the fixtures' {@code {"shape", "data"}} form. */
    public boolean isNdArray() {
        return isObject() && has("shape") && has("data");
    }

    /** An exception naming the file and path, what was expected and what was found. */
    public FixtureReader.FixtureException fail(String expected, String found) {
        return new FixtureReader.FixtureException(source + ": " + path + ": expected " + expected + ", found " + found);
    }

    private JsonObject asObject() {
        if (!isObject()) {
            throw fail("an object", describe());
        }
        return value.getAsJsonObject();
    }

    private String describe() {
        if (isNull()) {
            return "null";
        }
        if (value.isJsonObject()) {
            return "an object with keys " + value.getAsJsonObject().keySet();
        }
        if (value.isJsonArray()) {
            return "an array of " + value.getAsJsonArray().size();
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        if (p.isString()) {
            String s = p.getAsString();
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        return (p.isNumber() ? "the number " : "") + p;
    }
}
