package io.rnnbench.benchmarks.grid;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One benchmark × parameter combination: what one JMH fork measures.
 *
 * @param benchmark the benchmark method's full name, e.g. {@code io.rnnbench.benchmarks.rnn.TrainingStepBenchmark.trainingStep}
 * @param params    every parameter's value, by name
 */
public record GridPoint(String benchmark, SortedMap<String, String> params) {
    /** The parameter that names the backend. */
    public static final String BACKEND = "backend";

    public GridPoint {
        params = new TreeMap<>(params);
    }

    /** A point of {@code benchmark} with {@code params}. */
    public static GridPoint of(String benchmark, Map<String, String> params) {
        return new GridPoint(benchmark, new TreeMap<>(params));
    }

    @Override
    public SortedMap<String, String> params() {
        return new TreeMap<>(params);
    }

    /** The backend's name, or {@code ""} for a benchmark without a backend parameter. */
    public String backend() {
        return member(BACKEND);
    }

    /** The value of the parameter {@code memberParameter} that tells the members of a group apart, or {@code ""}. */
    public String member(String memberParameter) {
        return params.getOrDefault(memberParameter, "");
    }

    /**
     * The comparison group: the same benchmark and parameters but the backend, e.g.
     * {@code TrainingStepBenchmark.trainingStep cell=lstm shape=medium}. Backends are compared within a group only.
     */
    public String group() {
        return group(BACKEND);
    }

    /** The group of the points that differ from this one in {@code memberParameter} only (the backend, an A/B side). */
    public String group(String memberParameter) {
        return shortName() + params.entrySet().stream().filter(e -> !e.getKey().equals(memberParameter))
                .map(e -> " " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
    }

    /** The group and the backend, e.g. {@code TrainingStepBenchmark.trainingStep cell=lstm shape=medium backend=raw}. */
    public String describe() {
        return describe(BACKEND);
    }

    /** The group of {@code memberParameter} and the member, e.g. {@code ForwardBenchmark.forward shape=char side=baseline}. */
    public String describe(String memberParameter) {
        return group(memberParameter) + (params.containsKey(memberParameter) ? " " + memberParameter + "=" + member(memberParameter) : "");
    }

    /** The benchmark's class and method: {@code TrainingStepBenchmark.trainingStep}. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }
}
