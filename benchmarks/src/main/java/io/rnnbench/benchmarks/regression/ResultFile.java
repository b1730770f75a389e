package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.report.JmhResultFile;
import io.rnnbench.benchmarks.stats.RankStatistics;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.RunFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A JMH JSON result file ({@code -rf json}) read for a regression comparison: every benchmark × mode × parameter
 * point (any benchmark, not only the RNN suites) with its per-fork raw data, and the machine it ran on.
 *
 * <p>The machine: JMH's JSON holds the JDK, VM and JMH versions; the CPU model and core count come from the
 * {@value RunFiles#ENVIRONMENT} sidecar that {@code RunBenchmarks} and {@code Ab} write beside the results (or a
 * file named explicitly). Without a sidecar the CPU is unknown, and the comparison says so.
 *
 * @param source      the file, for messages
 * @param points      the points in file order
 * @param jmhVersion  e.g. 1.37 ("?" when absent)
 * @param jdkVersion  e.g. 17.0.15
 * @param vmName      e.g. OpenJDK 64-Bit Server VM
 * @param environment the sidecar, or null when there is none
 */
public record ResultFile(String source, List<Point> points, String jmhVersion, String jdkVersion, String vmName,
                         Environment environment) {

    /** The key {@code ·gc.alloc.rate.norm} (JMH ≤ 1.36 prefixes the profiler's metrics with a middle dot). */
    static final List<String> ALLOCATION_KEYS = List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm");

    /**
     * One benchmark × mode × parameter point.
     *
     * @param benchmark   e.g. io.rnnbench.benchmarks.rnn.ForwardBenchmark.forward
     * @param mode        JMH's mode: avgt, thrpt, sample, ss
     * @param params      parameter values by name (sorted by name)
     * @param unit        the primary score's unit
     * @param forks       per fork, its measurement iterations' scores (primaryMetric.rawData)
     * @param allocation  per fork, the iterations' {@code gc.alloc.rate.norm} (B/op); empty without {@code -prof gc}
     * @param allocationNote why allocation is missing (null when present)
     */
    public record Point(String benchmark, String mode, Map<String, String> params, String unit,
                        List<List<Double>> forks, List<List<Double>> allocation, String allocationNote) {

        /** "ForwardBenchmark.forward": the class and method. */
        public String shortName() {
            int method = benchmark.lastIndexOf('.');
            int cls = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
            return benchmark.substring(cls + 1);
        }

        /** "backend=raw cell=rnn shape=char", or "" without parameters. */
        public String paramText() {
            return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        }

        /** What identifies the point across files: benchmark, mode and parameters. */
        public String key() {
            return benchmark + " [" + mode + "]" + (params.isEmpty() ? "" : " " + paramText());
        }

        /** This point with the named parameters dropped (for A/B runs whose sides differ in a parameter). */
        public Point without(List<String> names) {
            Map<String, String> kept = new TreeMap<>(params);
            names.forEach(kept::remove);
            return new Point(benchmark, mode, kept, unit, forks, allocation, allocationNote);
        }

        /**
         * Per fork, the median of its measurement iterations: the median rather than the mean because a single
         * slow iteration (a GC, a neighbour's burst) inside an otherwise normal fork should not move the fork's
         * score; fork-to-fork differences (JIT, code and heap layout) are the variation the statistics are about.
         */
        public double[] forkScores() {
            return forks.stream().mapToDouble(f -> RankStatistics.median(f.stream().mapToDouble(Double::doubleValue).toArray())).toArray();
        }

        /**
         * Per fork, the smallest allocation per operation of its iterations; empty without allocation data. The
         * minimum, not the median: what contaminates {@code gc.alloc.rate.norm} only adds — a
         * {@code Level.Iteration} set-up's allocation spread over however many operations the iteration ran (fewer
         * on a slow fork, so the figure follows the machine's speed), code that escape analysis has not yet
         * compiled — so the iteration with the least is closest to the steady state. Measured here: a training
         * step's iterations of one jar gave 19–38 kB/op with 100 ms iterations.
         */
        public double[] forkAllocations() {
            return allocation.stream().mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)).toArray();
        }
    }

    /**
     * Reads {@code file} and its sidecar: {@code environmentFile} when given, else {@value RunFiles#ENVIRONMENT} in
     * the same directory when present.
     *
     * @throws IllegalArgumentException naming the file (and the point) when it is missing, not JSON, not JMH's
     *                                  format, or lacks the per-fork data a comparison needs
     */
    public static ResultFile read(Path file, Path environmentFile) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        Environment environment = null;
        Path sidecar = environmentFile != null ? environmentFile
                : file.toAbsolutePath().resolveSibling(RunFiles.ENVIRONMENT);
        if (environmentFile != null || Files.isRegularFile(sidecar)) {
            if (!Files.isRegularFile(sidecar)) {
                throw new IllegalArgumentException(sidecar + ": no such environment file");
            }
            environment = Environment.read(sidecar);
        }
        return parse(text, file.toString(), environment);
    }

    /** Parses the text of a result file; {@code source} names it in messages. */
    public static ResultFile parse(String json, String source, Environment environment) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException(source + ": expected JMH's JSON result array ([ {\"benchmark\": …}, … ]), got "
                    + (root.isJsonObject() ? "an object" : root.toString()));
        }
        JsonArray entries = root.getAsJsonArray();
        List<Point> points = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String jmh = "?", jdk = "?", vm = "?";
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).isJsonObject()) {
                throw new IllegalArgumentException(source + ", entry " + i + ": expected an object, got " + entries.get(i));
            }
            JsonObject entry = entries.get(i).getAsJsonObject();
            JsonElement name = entry.get("benchmark");
            if (name == null || !name.isJsonPrimitive()) {
                throw new IllegalArgumentException(source + ", entry " + i + ": no \"benchmark\"; is this a JMH result file?");
            }
            String where = source + ", entry " + i + " (" + name.getAsString() + paramSuffix(entry) + ")";
            Point point;
            try {
                point = point(entry, name.getAsString());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            Integer previous = seen.put(point.key(), i);
            if (previous != null) {
                throw new IllegalArgumentException(where + ": the same point as entry " + previous);
            }
            points.add(point);
            if (i == 0) {
                jmh = text(entry, "jmhVersion");
                jdk = text(entry, "jdkVersion");
                vm = text(entry, "vmName");
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no benchmark result (an empty array): did the run fail?");
        }
        return new ResultFile(source, List.copyOf(points), jmh, jdk, vm, environment);
    }

    private static Point point(JsonObject entry, String benchmark) {
        Map<String, String> params = new TreeMap<>();
        if (entry.has("params") && entry.get("params").isJsonObject()) {
            entry.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
        }
        String mode = text(entry, "mode");
        JsonObject primary = entry.getAsJsonObject("primaryMetric");
        if (primary == null) {
            throw new IllegalArgumentException("no primaryMetric");
        }
        String unit = text(primary, "scoreUnit");
        Direction.ofUnit(unit); // fails early on an unknown unit
        JsonElement raw = primary.get("rawData");
        if (raw == null || !raw.isJsonArray() || raw.getAsJsonArray().isEmpty()) {
            throw new IllegalArgumentException("primaryMetric has no rawData (per-fork iteration scores); the comparison "
                    + "needs them: write results with JMH's -rf json, and do not post-process them away");
        }
        List<List<Double>> forks = forks(raw.getAsJsonArray(), "primaryMetric", true);
        List<List<Double>> allocation = List.of();
        String allocationNote = "no gc.alloc.rate.norm (run with -prof gc)";
        JsonObject secondary = entry.has("secondaryMetrics") && entry.get("secondaryMetrics").isJsonObject()
                ? entry.getAsJsonObject("secondaryMetrics") : null;
        for (String key : ALLOCATION_KEYS) {
            if (secondary != null && secondary.has(key)) {
                JsonObject metric = secondary.getAsJsonObject(key);
                try {
                    if (metric.has("rawData") && metric.get("rawData").isJsonArray() && !metric.getAsJsonArray("rawData").isEmpty()) {
                        allocation = forks(metric.getAsJsonArray("rawData"), key, false);
                    } else {
                        double score = JmhResultFile.number(metric.get("score"));
                        if (!Double.isFinite(score)) {
                            throw new IllegalArgumentException(key + " score is " + score);
                        }
                        allocation = List.of(List.of(score)); // one value for the whole run
                    }
                    allocationNote = null;
                } catch (IllegalArgumentException e) {
                    allocation = List.of();
                    allocationNote = e.getMessage();
                }
                break;
            }
        }
        return new Point(benchmark, mode, params, unit, forks, allocation, allocationNote);
    }

    /** rawData: one array per fork of finite numbers (positive ones when {@code positive}). */
    private static List<List<Double>> forks(JsonArray raw, String metric, boolean positive) {
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < raw.size(); f++) {
            if (!raw.get(f).isJsonArray() || raw.get(f).getAsJsonArray().isEmpty()) {
                throw new IllegalArgumentException(metric + " rawData fork " + (f + 1) + " has no iterations");
            }
            List<Double> iterations = new ArrayList<>();
            JsonArray values = raw.get(f).getAsJsonArray();
            for (int i = 0; i < values.size(); i++) {
                double v = JmhResultFile.number(values.get(i));
                if (!Double.isFinite(v) || (positive ? v <= 0 : v < 0)) {
                    throw new IllegalArgumentException(metric + " rawData fork " + (f + 1) + " iteration " + (i + 1) + " is "
                            + v + "; expected a finite " + (positive ? "positive" : "non-negative") + " score");
                }
                iterations.add(v);
            }
            forks.add(List.copyOf(iterations));
        }
        return List.copyOf(forks);
    }

    private static String paramSuffix(JsonObject entry) {
        if (!entry.has("params") || !entry.get("params").isJsonObject()) {
            return "";
        }
        return " " + new TreeMap<>(entry.getAsJsonObject("params").asMap()).entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String text(JsonObject entry, String key) {
        JsonElement value = entry.get(key);
        return value == null || value.isJsonNull() ? "?" : value.getAsString();
    }
}
