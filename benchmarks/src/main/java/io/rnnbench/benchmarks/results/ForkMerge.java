package io.rnnbench.benchmarks.results;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the JSON files of single-fork JMH runs of one jar into one file in JMH's format, as if JMH had run all the
 * forks itself: per point, the {@code rawData} of every fork (primary and secondary metrics) one after the other,
 * {@code forks} the count, {@code score} the mean of all iterations. The merged file has no confidence interval
 * ({@code scoreError} and {@code scoreConfidence} are JMH's {@code "NaN"}); the comparison does not use it.
 */
public final class ForkMerge {
    private ForkMerge() {
    }

    /** The merged JSON text of {@code files}, each the {@code -rf json} output of one fork. */
    public static String merge(List<Path> files) throws IOException {
        Map<String, JsonObject> merged = new LinkedHashMap<>();
        Map<String, Integer> forks = new LinkedHashMap<>();
        for (Path file : files) {
            for (JsonElement element : JmhResults.array(file)) {
                JsonObject entry = element.getAsJsonObject();
                String key = entry.get("benchmark").getAsString() + " " + entry.get("mode").getAsString() + " "
                        + entry.get("params");
                JsonObject into = merged.get(key);
                forks.merge(key, 1, Integer::sum);
                if (into == null) {
                    merged.put(key, entry.deepCopy());
                    continue;
                }
                append(into.getAsJsonObject("primaryMetric"), entry.getAsJsonObject("primaryMetric"));
                JsonObject secondary = entry.getAsJsonObject("secondaryMetrics");
                JsonObject intoSecondary = into.getAsJsonObject("secondaryMetrics");
                if (secondary != null && intoSecondary != null) {
                    for (Map.Entry<String, JsonElement> metric : secondary.entrySet()) {
                        if (intoSecondary.has(metric.getKey())) {
                            append(intoSecondary.getAsJsonObject(metric.getKey()), metric.getValue().getAsJsonObject());
                        }
                    }
                }
            }
        }
        JsonArray out = new JsonArray();
        for (Map.Entry<String, JsonObject> e : merged.entrySet()) {
            JsonObject entry = e.getValue();
            entry.addProperty("forks", forks.get(e.getKey()));
            summarise(entry.getAsJsonObject("primaryMetric"));
            JsonObject secondary = entry.getAsJsonObject("secondaryMetrics");
            if (secondary != null) {
                secondary.entrySet().forEach(m -> summarise(m.getValue().getAsJsonObject()));
            }
            out.add(entry);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out) + "\n";
    }

    private static void append(JsonObject into, JsonObject from) {
        if (into == null || from == null || !into.has("rawData") || !from.has("rawData")) {
            return;
        }
        into.getAsJsonArray("rawData").addAll(from.getAsJsonArray("rawData"));
    }

    /** score = mean of every iteration of every fork; the interval and percentiles are no longer JMH's. */
    private static void summarise(JsonObject metric) {
        if (metric == null || !metric.has("rawData")) {
            return;
        }
        double sum = 0;
        int n = 0;
        for (JsonElement fork : metric.getAsJsonArray("rawData")) {
            for (JsonElement v : fork.getAsJsonArray()) {
                double d = JmhResults.number(v);
                if (Double.isFinite(d)) {
                    sum += d;
                    n++;
                }
            }
        }
        if (n > 0) {
            metric.addProperty("score", sum / n);
        }
        metric.addProperty("scoreError", "NaN");
        JsonArray confidence = new JsonArray();
        confidence.add("NaN");
        confidence.add("NaN");
        metric.add("scoreConfidence", confidence);
        metric.remove("scorePercentiles");
        metric.remove("rawDataHistogram");
    }
}
