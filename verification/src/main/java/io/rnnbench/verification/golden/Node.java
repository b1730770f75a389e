package io.rnnbench.verification.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A value of a parsed fixture together with its path ({@code cases[3].inputs.Wax}), so that a fixture that parses
 * as JSON but does not have the expected structure fails with a message naming the file, the path, what was
 * expected and what is there.
 */
public final class Node {
    private final String source;
    private final String path;
    private final Object value;

    private Node(String source, String path, Object value) {
        this.source = source;
        this.path = path;
        this.value = value;
    }

    /** The root of a parsed document. */
    public static Node root(String source, Object value) {
        return new Node(source, "$", value);
    }

    /** Parses {@code text} (see {@link Json}) and returns its root. */
    public static Node parse(String text, String source) {
        return root(source, Json.parse(text, source));
    }

    public String path() {
        return path;
    }

    public String source() {
        return source;
    }

    /** The raw value: Map, List, Double, String, Boolean or null. */
    public Object raw() {
        return value;
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isObject() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    /** Whether this object has {@code key}. */
    public boolean has(String key) {
        return asMap().containsKey(key);
    }

    /** Member {@code key} of this object; fails when it is missing. */
    public Node get(String key) {
        Map<String, Object> map = asMap();
        if (!map.containsKey(key)) {
            throw fail("a key \"" + key + "\"", "only " + map.keySet());
        }
        return new Node(source, path + "." + key, map.get(key));
    }

    /** The keys of this object, in file order. */
    public List<String> keys() {
        return new ArrayList<>(asMap().keySet());
    }

    /** The elements of this array. */
    public List<Node> list() {
        if (!(value instanceof List<?> list)) {
            throw fail("an array", describe());
        }
        List<Node> nodes = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            nodes.add(new Node(source, path + "[" + i + "]", list.get(i)));
        }
        return nodes;
    }

    public String asString() {
        if (!(value instanceof String s)) {
            throw fail("a string", describe());
        }
        return s;
    }

    public double asDouble() {
        if (!(value instanceof Double d)) {
            throw fail("a number", describe());
        }
        return d;
    }

    /** A number that is an exact integer in the range of {@code long}. */
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
        List<Node> nodes = list();
        int[] out = new int[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nodes.get(i).asInt();
        }
        return out;
    }

    /** An array of numbers. */
    public double[] asDoubleArray() {
        List<Node> nodes = list();
        double[] out = new double[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nodes.get(i).asDouble();
        }
        return out;
    }

    /** An array of integers or nulls; null becomes −1 (the seeds' {@code None}: a zero input vector). */
    public int[] asIndexArrayWithNone() {
        List<Node> nodes = list();
        int[] out = new int[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nodes.get(i).isNull() ? -1 : nodes.get(i).asInt();
        }
        return out;
    }

    /** An array of strings. */
    public List<String> asStringList() {
        List<String> out = new ArrayList<>();
        for (Node n : list()) {
            out.add(n.asString());
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

    /** An IllegalArgumentException naming the file and path. */
    public IllegalArgumentException fail(String expected, String found) {
        return new IllegalArgumentException(source + ": " + path + ": expected " + expected + ", found " + found);
    }

    private Map<String, Object> asMap() {
        if (!(value instanceof Map<?, ?>)) {
            throw fail("an object", describe());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    private String describe() {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> m) {
            return "an object with keys " + m.keySet();
        }
        if (value instanceof List<?> l) {
            return "an array of " + l.size();
        }
        if (value instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        return value.getClass().getSimpleName().toLowerCase() + " " + value;
    }
}
