package io.rnnbench.benchmarks.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.rnnbench.benchmarks.gemm.GemmBenchmark;
import io.rnnbench.benchmarks.gemm.GemmShape;
import io.rnnbench.benchmarks.quality.TimeToQualityBenchmark;
import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads JMH's JSON result format ({@code -rf json}): an array with one object per benchmark × parameter
 * combination. JMH writes numbers as JSON numbers except undefined ones, which it writes as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (e.g. the error of a single measurement); both forms are
 * read. Entries of the time-to-quality benchmark ({@code io.rnnbench.benchmarks.quality}) and of the GEMM kernel
 * benchmark ({@code io.rnnbench.benchmarks.gemm}) are read apart; entries of other benchmarks (e.g. the library
 * benchmarks) are skipped.
 *
 * @param measurements  the RNN suites' entries, in file order (may be empty when the run measured other benchmarks only)
 * @param run           how the run was made (taken from the first entry: JMH writes the same values in each)
 * @param timeToQuality the time-to-quality entries, in file order (empty when the run had none)
 * @param gemm          the GEMM kernel entries, in file order (empty when the run had none)
 */
public record JmhResultFile(List<Measurement> measurements, RunInfo run, List<QualityMeasurement> timeToQuality,
                            List<GemmMeasurement> gemm) {

    /**
     * The JVM and the JMH settings of a run.
     *
     * @param jmhVersion  e.g. 1.37
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
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException naming the file and the entry when it is not JMH's format or has no entry
     *                                  of the RNN, time-to-quality or GEMM benchmarks in it
     */
    public static JmhResultFile read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(JsonParser.parseReader(in), file.toString());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** Parses the text of a result file; {@code source} names it in error messages. */
    public static JmhResultFile parse(String json, String source) {
        try {
            return parse(JsonParser.parseString(json), source);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static JmhResultFile parse(JsonElement root, String source) {
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException(source + ": expected JMH's JSON result array ([ {\"benchmark\": …}, … ]), got "
                    + (root.isJsonObject() ? "an object" : root.toString()));
        }
        List<Measurement> measurements = new ArrayList<>();
        List<QualityMeasurement> quality = new ArrayList<>();
        List<GemmMeasurement> gemm = new ArrayList<>();
        RunInfo run = null;
        JsonArray entries = root.getAsJsonArray();
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.get(i).getAsJsonObject();
            String benchmark = string(entry, "benchmark", source, i);
            boolean rnn = benchmark.startsWith(Suite.class.getPackageName() + ".");
            boolean timeToQuality = benchmark.startsWith(TimeToQualityBenchmark.class.getName() + ".");
            boolean gemmKernel = benchmark.startsWith(GemmBenchmark.class.getName() + ".");
            if (!rnn && !timeToQuality && !gemmKernel) {
                continue;
            }
            try {
                if (rnn) {
                    measurements.add(measurement(entry, benchmark));
                } else if (timeToQuality) {
                    quality.add(qualityMeasurement(entry, benchmark));
                } else {
                    gemm.add(gemmMeasurement(entry));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + ", entry " + i + " (" + benchmark + "): " + e.getMessage(), e);
            }
            if (run == null) {
                run = runInfo(entry);
            }
        }
        if (measurements.isEmpty() && quality.isEmpty() && gemm.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no result of the RNN benchmarks ("
                    + Suite.class.getPackageName() + ".*) nor of " + TimeToQualityBenchmark.class.getSimpleName()
                    + " or " + GemmBenchmark.class.getSimpleName()
                    + "; was the run narrowed to other benchmarks, or did it fail?");
        }
        return new JmhResultFile(List.copyOf(measurements), run, List.copyOf(quality), List.copyOf(gemm));
    }

    /** An entry's primary metric: the mean time, its 99.9% interval, the unit and every iteration's time. */
    private record Primary(double score, double error, double low, double high, String unit,
                           List<List<Double>> iterations) {
        static Primary of(JsonObject entry) {
            JsonObject primary = entry.getAsJsonObject("primaryMetric");
            JsonArray confidence = primary.getAsJsonArray("scoreConfidence");
            return new Primary(number(primary.get("score")), number(primary.get("scoreError")), number(confidence.get(0)),
                    number(confidence.get(1)), primary.get("scoreUnit").getAsString(), rawData(primary));
        }
    }

    private static QualityMeasurement qualityMeasurement(JsonObject entry, String benchmark) {
        Primary p = Primary.of(entry);
        JsonObject secondary = entry.getAsJsonObject("secondaryMetrics");
        return new QualityMeasurement(benchmark.substring(benchmark.lastIndexOf('.') + 1), param(entry, "backend"),
                p.score(), p.error(), p.low(), p.high(), p.unit(), p.iterations(),
                secondary(secondary, "steps"), secondary(secondary, "reached"), secondary(secondary, "smoothedLoss"));
    }

    private static GemmMeasurement gemmMeasurement(JsonObject entry) {
        Primary p = Primary.of(entry);
        return new GemmMeasurement(GemmShape.byName(param(entry, "gemm")), param(entry, "backend"), p.score(), p.error(),
                p.low(), p.high(), p.unit(), allocatedBytes(entry), p.iterations());
    }

    /**
     * The mean per iteration of an auxiliary counter. Not its {@code score}: JMH sums {@code EVENTS} counters over
     * the iterations, so the score of "steps" after 3 runs of 5,097 steps is 15,291.
     */
    private static double secondary(JsonObject secondary, String name) {
        JsonObject metric = secondary == null ? null : secondary.getAsJsonObject(name);
        if (metric == null) {
            return Double.NaN;
        }
        List<Double> values = rawData(metric).stream().flatMap(List::stream).toList();
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static List<List<Double>> rawData(JsonObject metric) {
        List<List<Double>> rawData = new ArrayList<>();
        for (JsonElement fork : metric.getAsJsonArray("rawData")) {
            List<Double> iterations = new ArrayList<>();
            fork.getAsJsonArray().forEach(v -> iterations.add(number(v)));
            rawData.add(List.copyOf(iterations));
        }
        return List.copyOf(rawData);
    }

    private static Measurement measurement(JsonObject entry, String benchmark) {
        Primary p = Primary.of(entry);
        return new Measurement(Suite.ofBenchmark(benchmark), param(entry, "backend"),
                CellType.valueOf(param(entry, "cell").toUpperCase(Locale.ROOT)), Shape.parse(param(entry, "shape")),
                p.score(), p.error(), p.low(), p.high(), p.unit(), allocatedBytes(entry), p.iterations());
    }

    /** A benchmark parameter's value. */
    private static String param(JsonObject entry, String name) {
        JsonObject params = entry.getAsJsonObject("params");
        JsonElement value = params == null ? null : params.get(name);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException("no " + name + " parameter");
        }
        return value.getAsString();
    }

    /** {@code gc.alloc.rate.norm}, bytes per operation; NaN when the run had no {@code -prof gc}. */
    private static double allocatedBytes(JsonObject entry) {
        JsonObject secondary = entry.getAsJsonObject("secondaryMetrics");
        JsonObject allocation = secondary == null ? null : secondary.getAsJsonObject("gc.alloc.rate.norm");
        return allocation == null ? Double.NaN : number(allocation.get("score"));
    }

    private static RunInfo runInfo(JsonObject entry) {
        List<String> jvmArgs = new ArrayList<>();
        if (entry.has("jvmArgs")) {
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

    private static String string(JsonObject entry, String key, String source, int index) {
        JsonElement value = entry.get(key);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException(source + ", entry " + index + ": no \"" + key + "\"; is this a JMH result file?");
        }
        return value.getAsString();
    }

    private static String text(JsonObject entry, String key) {
        JsonElement value = entry.get(key);
        return value == null || value.isJsonNull() ? "?" : value.getAsString();
    }
}
