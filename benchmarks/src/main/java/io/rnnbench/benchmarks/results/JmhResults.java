package io.rnnbench.benchmarks.results;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.rnnbench.workloads.io.JsonFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A JMH JSON result file ({@code -rf json}), read once for every consumer: the report, the regression comparison,
 * the A/B run's fork merge and the advice. It is an array with one object per benchmark × mode × parameter point;
 * every point is kept, whatever the benchmark, with its per-fork raw data. JMH writes numbers as JSON numbers except
 * undefined ones, which it writes as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (e.g. the
 * error of a single measurement); both forms are read. What the entries mean (which benchmarks, which parameters,
 * which values are acceptable) is the consumer's business.
 *
 * @param source  the file, for messages
 * @param entries the points in file order
 * @param run     how the run was made: the first entry's (JMH writes the same values in each); null when the
 *                file holds no entry (an empty array: the run failed or measured nothing)
 */
public record JmhResults(String source, List<Entry> entries, RunInfo run) {
    /** A result file may hold at most this many bytes (the whole default grid with raw data is about 1 MB). */
    public static final long MAX_BYTES = 64L << 20;

    /**
     * One benchmark × mode × parameter point.
     *
     * @param index     its position in the file, from 0
     * @param benchmark e.g. io.rnnbench.benchmarks.rnn.ForwardBenchmark.forward
     * @param mode      JMH's mode: avgt, thrpt, sample, ss ("?" when absent)
     * @param params    parameter values by name, sorted by name
     * @param primary   the primary metric
     * @param secondary the secondary metrics by name (e.g. {@code gc.alloc.rate.norm}, auxiliary counters), in file order
     * @param run       how this entry was run (JMH writes it per entry)
     */
    public record Entry(int index, String benchmark, String mode, Map<String, String> params, Metric primary,
                        Map<String, Metric> secondary, RunInfo run) {

        /** A parameter's value, or null when the entry has no parameter of that name. */
        public String param(String name) {
            return params.get(name);
        }
    }

    /**
     * A metric of an entry.
     *
     * @param score          JMH's score (for auxiliary {@code EVENTS} counters, the sum over iterations)
     * @param scoreError     half-width of the 99.9% interval; NaN when undefined or absent
     * @param confidenceLow  lower end of the interval (NaN when undefined)
     * @param confidenceHigh upper end
     * @param unit           e.g. {@code ms/op} ("?" when absent)
     * @param rawData        per fork, its measurement iterations' values (empty when the file has none)
     */
    public record Metric(double score, double scoreError, double confidenceLow, double confidenceHigh, String unit,
                         List<List<Double>> rawData) {
    }

    /**
     * The JVM and the JMH settings of a run.
     *
     * @param jmhVersion  e.g. 1.37 ("?" when absent)
     * @param jdkVersion  e.g. 17.0.15
     * @param vmName      e.g. OpenJDK 64-Bit Server VM
     * @param vmVersion   the VM build
     * @param jvmArgs     the forks' JVM arguments
     * @param forks       forks per combination
     * @param warmup      "2 × 1 s"
     * @param measurement "3 × 1 s"
     */
    public record RunInfo(String jmhVersion, String jdkVersion, String vmName, String vmVersion, List<String> jvmArgs,
                          int forks, String warmup, String measurement) {
    }

    /**
     * Reads a result file.
     *
     * @throws IllegalArgumentException naming the file (and the entry) when it is missing, not JSON or not JMH's
     *                                  format
     */
    public static JmhResults read(Path file) throws IOException {
        return of(array(file), file.toString());
    }

    /** Parses the text of a result file; {@code source} names it in messages. */
    public static JmhResults parse(String json, String source) {
        return of(array(json, source), source);
    }

    /**
     * The file's entries as JSON objects, for a tool that rewrites them in JMH's format (the A/B run's fork merge).
     *
     * @throws IllegalArgumentException as {@link #read}
     */
    public static JsonArray array(Path file) throws IOException {
        try {
            return array(JsonFiles.read(file, MAX_BYTES), file.toString());
        } catch (JsonFiles.BadFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static JsonArray array(String json, String source) {
        try {
            return array(JsonFiles.parse(json, source), source);
        } catch (JsonFiles.BadFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static JsonArray array(JsonElement root, String source) {
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException(source + ": expected JMH's JSON result array ([ {\"benchmark\": …}, … ]), got "
                    + (root.isJsonObject() ? "an object" : root.toString()));
        }
        JsonArray entries = root.getAsJsonArray();
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).isJsonObject()) {
                throw new IllegalArgumentException(source + ", entry " + i + ": expected an object, got " + entries.get(i));
            }
            JsonElement name = entries.get(i).getAsJsonObject().get("benchmark");
            if (name == null || !name.isJsonPrimitive()) {
                throw new IllegalArgumentException(source + ", entry " + i + ": no \"benchmark\"; is this a JMH result file?");
            }
        }
        return entries;
    }

    private static JmhResults of(JsonArray array, String source) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonObject entry = array.get(i).getAsJsonObject();
            String benchmark = entry.get("benchmark").getAsString();
            Map<String, String> params = params(entry);
            try {
                entries.add(new Entry(i, benchmark, text(entry, "mode"), params, metric(entry.get("primaryMetric"), "primaryMetric"),
                        secondary(entry), runInfo(entry)));
            } catch (RuntimeException e) {
                String paramText = params.isEmpty() ? "" : " " + paramText(params);
                throw new IllegalArgumentException(source + ", entry " + i + " (" + benchmark + paramText + "): "
                        + e.getMessage(), e);
            }
        }
        return new JmhResults(source, List.copyOf(entries), entries.isEmpty() ? null : entries.get(0).run());
    }

    /** "backend=raw cell=rnn shape=char", or "" without parameters. */
    public static String paramText(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static Map<String, String> params(JsonObject entry) {
        Map<String, String> params = new TreeMap<>();
        JsonElement given = entry.get("params");
        if (given != null && given.isJsonObject()) {
            given.getAsJsonObject().entrySet().forEach(e -> params.put(e.getKey(),
                    e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
        }
        return Collections.unmodifiableMap(params);
    }

    private static Map<String, Metric> secondary(JsonObject entry) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        JsonElement given = entry.get("secondaryMetrics");
        if (given != null && given.isJsonObject()) {
            given.getAsJsonObject().entrySet().forEach(e -> metrics.put(e.getKey(), metric(e.getValue(), e.getKey())));
        }
        return Collections.unmodifiableMap(metrics);
    }

    private static Metric metric(JsonElement element, String name) {
        if (element == null || !element.isJsonObject()) {
            throw new IllegalArgumentException("no " + name);
        }
        JsonObject metric = element.getAsJsonObject();
        JsonElement confidence = metric.get("scoreConfidence");
        boolean interval = confidence != null && confidence.isJsonArray() && confidence.getAsJsonArray().size() == 2;
        return new Metric(number(metric.get("score")), number(metric.get("scoreError")),
                interval ? number(confidence.getAsJsonArray().get(0)) : Double.NaN,
                interval ? number(confidence.getAsJsonArray().get(1)) : Double.NaN,
                text(metric, "scoreUnit"), rawData(metric.get("rawData"), name));
    }

    /** rawData: one array of values per fork. */
    private static List<List<Double>> rawData(JsonElement raw, String metric) {
        if (raw == null || !raw.isJsonArray()) {
            return List.of();
        }
        List<List<Double>> forks = new ArrayList<>();
        JsonArray all = raw.getAsJsonArray();
        for (int f = 0; f < all.size(); f++) {
            if (!all.get(f).isJsonArray()) {
                throw new IllegalArgumentException(metric + " rawData fork " + (f + 1) + " is not an array of iterations: " + all.get(f));
            }
            List<Double> iterations = new ArrayList<>();
            all.get(f).getAsJsonArray().forEach(v -> iterations.add(number(v)));
            forks.add(List.copyOf(iterations));
        }
        return List.copyOf(forks);
    }

    private static RunInfo runInfo(JsonObject entry) {
        List<String> jvmArgs = new ArrayList<>();
        if (entry.has("jvmArgs") && entry.get("jvmArgs").isJsonArray()) {
            entry.getAsJsonArray("jvmArgs").forEach(a -> jvmArgs.add(a.getAsString()));
        }
        return new RunInfo(text(entry, "jmhVersion"), text(entry, "jdkVersion"), text(entry, "vmName"),
                text(entry, "vmVersion"), List.copyOf(jvmArgs), entry.has("forks") ? entry.get("forks").getAsInt() : 0,
                iterations(entry, "warmup"), iterations(entry, "measurement"));
    }

    private static String iterations(JsonObject entry, String phase) {
        return text(entry, phase + "Iterations") + " × " + text(entry, phase + "Time");
    }

    /** A JSON number, or one of the strings JMH writes for non-finite values ("NaN", "Infinity", "-Infinity"). */
    public static double number(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return Double.NaN;
        }
        if (!value.isJsonPrimitive()) {
            throw new IllegalArgumentException("expected a number, got " + value);
        }
        if (value.getAsJsonPrimitive().isString()) {
            String s = value.getAsString();
            return switch (s) {
                case "NaN" -> Double.NaN;
                case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> {
                    try {
                        yield Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("expected a number, got \"" + s + "\"");
                    }
                }
            };
        }
        return value.getAsDouble();
    }

    private static String text(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? "?" : value.getAsString();
    }
}
