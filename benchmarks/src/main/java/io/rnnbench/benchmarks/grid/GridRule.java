package io.rnnbench.benchmarks.grid;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A restriction of the grid, {@code REGEX[param=value,…]:param=v1,v2}: the points of a benchmark whose name matches
 * {@code REGEX} (found anywhere in the full name) and that have the bracketed values (optional) must take one of the
 * listed values of the parameter after the colon; every other point is left alone. For example
 * {@code TrainingStep[shape=medium]:backend=raw,raw-simd} keeps the training step at {@code medium} to two backends
 * and at every other shape to all of them; {@code (CellStep|Forward|Backward):cell=lstm} keeps those suites to the
 * LSTM.
 *
 * @param benchmark the benchmark regex
 * @param when      the values a point must have for the rule to apply (empty: every point of the benchmark)
 * @param parameter the restricted parameter
 * @param allowed   its allowed values
 */
public record GridRule(Pattern benchmark, Map<String, String> when, String parameter, Set<String> allowed) {
    private static final Pattern SYNTAX = Pattern.compile("(?<regex>[^\\[:]+)(\\[(?<when>[^\\]]*)])?:(?<param>[\\w.-]+)=(?<values>.+)");

    /**
     * Parses {@code REGEX[param=value,…]:param=v1,v2}.
     *
     * @throws IllegalArgumentException saying what is wrong, with the syntax, for a malformed rule
     */
    public static GridRule parse(String text) {
        var m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("grid rule '" + text + "' is not REGEX[param=value,…]:param=v1,v2, e.g. "
                    + "TrainingStep[shape=medium]:backend=raw,raw-simd");
        }
        Pattern benchmark;
        try {
            benchmark = Pattern.compile(m.group("regex"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("grid rule '" + text + "': bad benchmark regex: " + e.getDescription());
        }
        Map<String, String> when = new LinkedHashMap<>();
        if (m.group("when") != null) {
            for (String condition : m.group("when").split(",")) {
                String[] kv = condition.split("=", 2);
                if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                    throw new IllegalArgumentException("grid rule '" + text + "': condition '" + condition
                            + "' is not param=value");
                }
                when.put(kv[0].trim(), kv[1].trim());
            }
        }
        Set<String> allowed = Set.copyOf(Arrays.stream(m.group("values").split(",")).map(String::trim).toList());
        return new GridRule(benchmark, Map.copyOf(when), m.group("param"), allowed);
    }

    /** Whether {@code point} passes: the rule does not apply to it, or its value is allowed. */
    public boolean admits(GridPoint point) {
        if (!benchmark.matcher(point.benchmark()).find()) {
            return true;
        }
        Map<String, String> params = point.params();
        for (Map.Entry<String, String> condition : when.entrySet()) {
            if (!condition.getValue().equals(params.get(condition.getKey()))) {
                return true;
            }
        }
        String value = params.get(parameter);
        return value == null || allowed.contains(value);
    }

    /** Whether every rule admits {@code point}. */
    public static boolean admittedByAll(List<GridRule> rules, GridPoint point) {
        return rules.stream().allMatch(rule -> rule.admits(point));
    }
}
