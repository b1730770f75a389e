package io.rnnbench.benchmarks.grid;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The points of a run: every benchmark JMH's list matches with the options' includes and excludes, times every
 * combination of its parameters' values (the options' values where given, else the benchmark's own), less the points
 * a {@link GridRule} excludes. Points come in the benchmark list's order, parameters varying in name order.
 */
public final class Grid {
    private Grid() {
    }

    /** The grid of {@code options} under {@code rules}. */
    public static List<GridPoint> of(Options options, List<GridRule> rules) {
        var benchmarks = new TreeSet<BenchmarkListEntry>(BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), options.getIncludes(),
                options.getExcludes()));
        List<GridPoint> points = new ArrayList<>();
        for (BenchmarkListEntry benchmark : benchmarks) {
            Map<String, Collection<String>> values = new TreeMap<>();
            for (Map.Entry<String, String[]> param : benchmark.getParams().orElse(Map.of()).entrySet()) {
                values.put(param.getKey(), options.getParameter(param.getKey()).orElse(List.of(param.getValue())));
            }
            expand(benchmark.getUsername(), new ArrayList<>(values.entrySet()), 0, new LinkedHashMap<>(), rules, points);
        }
        return List.copyOf(points);
    }

    private static final Pattern LISTED_PARAM = Pattern.compile("\\s+param \"(?<name>[^\"]+)\" = \\{(?<values>.*)}");

    /**
     * The grid of another jar, from what JMH's {@code -lp} printed for it ({@code java -jar benchmarks.jar REGEX -p … -lp}):
     * a line {@code Benchmarks:}, then each benchmark's name followed by its parameters as
     * {@code   param "cell" = {rnn, lstm}}, with the command line's {@code -p} values in place of the benchmark's own.
     *
     * @param source what printed it, for messages
     * @throws IllegalArgumentException naming the source and the line when the text is not such a listing
     */
    public static List<GridPoint> ofListing(String listing, String source) {
        List<String> lines = listing.lines().filter(l -> !l.isBlank()).toList();
        int start = lines.stream().map(String::strip).toList().indexOf("Benchmarks:");
        if (start < 0) {
            throw new IllegalArgumentException(source + ": no \"Benchmarks:\" line; is this JMH's -lp output?\n" + listing);
        }
        Map<String, Map<String, Collection<String>>> benchmarks = new LinkedHashMap<>();
        Map<String, Collection<String>> current = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            Matcher param = LISTED_PARAM.matcher(line);
            if (param.matches() && current != null) {
                current.put(param.group("name"), List.of(param.group("values").split(", ")));
            } else if (!line.startsWith(" ") && !line.contains(" ")) {
                current = benchmarks.computeIfAbsent(line, b -> new TreeMap<>());
            } else {
                throw new IllegalArgumentException(source + ": line '" + line + "' is neither a benchmark nor a parameter "
                        + "(param \"name\" = {v1, v2})");
            }
        }
        List<GridPoint> points = new ArrayList<>();
        benchmarks.forEach((benchmark, values) ->
                expand(benchmark, new ArrayList<>(values.entrySet()), 0, new LinkedHashMap<>(), List.of(), points));
        return List.copyOf(points);
    }

    private static void expand(String benchmark, List<Map.Entry<String, Collection<String>>> params, int next,
                               Map<String, String> chosen, List<GridRule> rules, List<GridPoint> out) {
        if (next == params.size()) {
            GridPoint point = GridPoint.of(benchmark, chosen);
            if (GridRule.admittedByAll(rules, point)) {
                out.add(point);
            }
            return;
        }
        for (String value : params.get(next).getValue()) {
            chosen.put(params.get(next).getKey(), value);
            expand(benchmark, params, next + 1, chosen, rules, out);
        }
        chosen.remove(params.get(next).getKey());
    }
}
