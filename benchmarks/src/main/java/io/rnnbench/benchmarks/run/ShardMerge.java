package io.rnnbench.benchmarks.run;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import io.rnnbench.benchmarks.grid.GridPoint;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.benchmarks.results.JmhResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Joins the results of the shards of one grid ({@code rnnbench run --shard k/n}, each directory holding
 * {@code jmh-result.json}, {@value ShardManifest#FILE} and {@code jmh-environment.json}) into one JMH JSON result, each
 * entry as its shard wrote it, shard by shard. It refuses, naming the directories and the values that differ:
 * <ul>
 *   <li>a file that is missing, truncated or not of its format (bounded reading; the message says which and where);</li>
 *   <li>shards of different grids (grid fingerprints differ) or of different splits (n differs);</li>
 *   <li>shards that overlap: a shard number given twice, a group in two shards;</li>
 *   <li>shards that leave a hole: a shard number missing, a group of the grid in no shard, a group of a shard's
 *       manifest without results (or results outside its manifest);</li>
 *   <li>shards run on different hardware (CPU model, cores) or JVMs (JDK, VM, JMH version), unless allowed: then
 *       the differences are returned for the report's banner. Groups never span shards, so every comparison of
 *       backends is still made on one machine; figures of different groups may not be.</li>
 * </ul>
 */
public final class ShardMerge {
    /** The value of a machine property that a shard does not record. */
    static final String UNKNOWN = "unknown (no " + RunFiles.ENVIRONMENT + ")";

    private ShardMerge() {
    }

    /** One shard directory, read. */
    private record Part(Path dir, ShardManifest manifest, JsonArray entries, JmhResults results, Environment environment) {
        int index() {
            return manifest.parsedShard().index();
        }

        String name() {
            return dir + " (" + manifest.shard() + ")";
        }
    }

    /**
     * The merge.
     *
     * @param json        the merged JMH JSON text
     * @param environment the machine of the first shard that records one, started when the first shard started; null
     *                    when none records one
     * @param mixed       what differs between the shards' machines and JVMs, one clause each (empty unless allowed)
     */
    public record Merged(String json, Environment environment, List<String> mixed) {
    }

    /**
     * Merges the shards in {@code dirs}.
     *
     * @param allowMixed whether shards of different machines or JVMs may be merged
     * @throws IllegalArgumentException with a one-line message naming the directories and what is wrong
     */
    public static Merged of(List<Path> dirs, boolean allowMixed) throws IOException {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no shard directory given");
        }
        List<Part> parts = new ArrayList<>();
        for (Path dir : dirs) {
            parts.add(read(dir));
        }
        parts.sort(Comparator.comparingInt(Part::index));
        checkSameGrid(parts);
        checkShardNumbers(parts);
        checkGroups(parts);
        List<String> mixed = differences(parts);
        if (!mixed.isEmpty() && !allowMixed) {
            throw new IllegalArgumentException("shards from different machines or JVMs: " + String.join("; ", mixed)
                    + "; --allow-mixed merges them anyway, with a banner in the report");
        }
        JsonArray all = new JsonArray();
        parts.forEach(p -> all.addAll(p.entries()));
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(all) + "\n";
        return new Merged(json, environment(parts), List.copyOf(mixed));
    }

    private static Part read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such directory");
        }
        Path manifest = dir.resolve(ShardManifest.FILE);
        if (!Files.exists(manifest)) {
            throw new IllegalArgumentException(dir + ": no " + ShardManifest.FILE + ", so not the output of a shard run "
                    + "(rnnbench run --shard k/n, or mvn -pl benchmarks verify -Djmh.shard=k/n)");
        }
        ShardManifest m = ShardManifest.read(manifest);
        Path resultFile = dir.resolve(RunFiles.RESULTS);
        JsonArray entries = JmhResults.array(resultFile);
        JmhResults results = JmhResults.parse(entries.toString(), resultFile.toString());
        if (results.entries().isEmpty()) {
            throw new IllegalArgumentException(resultFile + ": no results (an empty array), but its manifest lists "
                    + m.groups().size() + " group(s)");
        }
        Path environment = dir.resolve(RunFiles.ENVIRONMENT);
        return new Part(dir, m, entries, results, Files.exists(environment) ? Environment.read(environment) : null);
    }

    private static void checkSameGrid(List<Part> parts) {
        Part first = parts.get(0);
        for (Part p : parts) {
            if (!p.manifest().gridFingerprint().equals(first.manifest().gridFingerprint())) {
                Set<String> onlyFirst = new TreeSet<>(first.manifest().gridGroups());
                onlyFirst.removeAll(p.manifest().gridGroups());
                Set<String> onlyP = new TreeSet<>(p.manifest().gridGroups());
                onlyP.removeAll(first.manifest().gridGroups());
                String example = !onlyP.isEmpty() ? "e.g. '" + onlyP.iterator().next() + "' only in " + p.dir()
                        : "e.g. '" + onlyFirst.iterator().next() + "' only in " + first.dir();
                throw new IllegalArgumentException("shards of different grids: " + first.name() + " has "
                        + first.manifest().gridGroups().size() + " groups (" + first.manifest().gridFingerprint() + "), "
                        + p.name() + " " + p.manifest().gridGroups().size() + " (" + p.manifest().gridFingerprint() + "); "
                        + example);
            }
            if (p.manifest().parsedShard().count() != first.manifest().parsedShard().count()) {
                throw new IllegalArgumentException("shards of different splits of the grid: " + first.name() + " and "
                        + p.name());
            }
        }
    }

    private static void checkShardNumbers(List<Part> parts) {
        Map<Integer, Part> byIndex = new LinkedHashMap<>();
        for (Part p : parts) {
            Part twice = byIndex.put(p.index(), p);
            if (twice != null) {
                throw new IllegalArgumentException("shards overlap: shard " + p.manifest().shard() + " given twice, "
                        + twice.dir() + " and " + p.dir());
            }
        }
        int count = parts.get(0).manifest().parsedShard().count();
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            if (!byIndex.containsKey(k)) {
                missing.add(k + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("shards leave a hole: shard " + String.join(", ", missing) + " missing; given "
                    + parts.stream().map(Part::name).collect(Collectors.joining(", ")));
        }
    }

    private static void checkGroups(List<Part> parts) {
        Map<String, Part> owner = new LinkedHashMap<>();
        for (Part p : parts) {
            for (String group : p.manifest().groups()) {
                Part other = owner.put(group, p);
                if (other != null) {
                    throw new IllegalArgumentException("shards overlap: group '" + group + "' is in " + other.name() + " and "
                            + p.name() + splitHint(parts));
                }
            }
            Set<String> measured = new LinkedHashSet<>();
            for (JmhResults.Entry e : p.results().entries()) {
                String group = GridPoint.of(e.benchmark(), e.params()).group();
                if (!p.manifest().groups().contains(group)) {
                    throw new IllegalArgumentException(p.results().source() + ", entry " + e.index() + " (" + group
                            + "): not one of the shard's groups in its " + ShardManifest.FILE);
                }
                measured.add(group);
            }
            for (String group : p.manifest().groups()) {
                if (!measured.contains(group)) {
                    throw new IllegalArgumentException("shards leave a hole: group '" + group + "' of " + p.name()
                            + " has no results in its " + RunFiles.RESULTS + " (did the run stop early?)");
                }
            }
        }
        List<String> uncovered = parts.get(0).manifest().gridGroups().stream().filter(g -> !owner.containsKey(g)).toList();
        if (!uncovered.isEmpty()) {
            throw new IllegalArgumentException("shards leave a hole: " + uncovered.size() + " group(s) of the grid in no "
                    + "shard, e.g. '" + uncovered.get(0) + "'" + splitHint(parts));
        }
    }

    /** Why groups can be in two shards or none although the grids agree: the shards were split by other estimates. */
    private static String splitHint(List<Part> parts) {
        Set<String> estimates = new LinkedHashSet<>();
        parts.forEach(p -> estimates.add(String.valueOf(p.manifest().estimates())));
        return estimates.size() > 1 ? " (the shards were split with different estimates: " + String.join(" / ", estimates)
                + "; give every runner the same --estimates)" : "";
    }

    /** What differs between the shards' machines and JVMs: one clause per property, naming each value's shards. */
    private static List<String> differences(List<Part> parts) {
        List<String> d = new ArrayList<>();
        differ(d, "CPU", parts, p -> p.environment() == null ? UNKNOWN : p.environment().cpu());
        differ(d, "cores", parts, p -> p.environment() == null ? UNKNOWN : String.valueOf(p.environment().cores()));
        differ(d, "JDK", parts, p -> p.results().run().jdkVersion());
        differ(d, "VM", parts, p -> p.results().run().vmName());
        differ(d, "JMH", parts, p -> p.results().run().jmhVersion());
        return d;
    }

    private static void differ(List<String> d, String what, List<Part> parts, Function<Part, String> value) {
        Map<String, List<String>> dirs = new LinkedHashMap<>();
        parts.forEach(p -> dirs.computeIfAbsent(value.apply(p), v -> new ArrayList<>()).add(p.dir().toString()));
        if (dirs.size() > 1) {
            d.add(what + " " + dirs.entrySet().stream().map(e -> "'" + e.getKey() + "' in " + String.join(", ", e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
    }

    /** The first shard's machine that records one, with the earliest start of them all. */
    private static Environment environment(List<Part> parts) {
        Environment first = null;
        Instant started = null;
        for (Part p : parts) {
            Environment e = p.environment();
            if (e == null) {
                continue;
            }
            first = first == null ? e : first;
            Instant t;
            try {
                t = Instant.parse(String.valueOf(e.started()));
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException(p.dir().resolve(RunFiles.ENVIRONMENT) + ": \"started\" '" + e.started()
                        + "' is not an ISO-8601 UTC time", ex);
            }
            started = started == null || t.isBefore(started) ? t : started;
        }
        return first == null ? null : new Environment(first.cpu(), first.cores(), first.os(), first.java(), first.maxHeapMb(),
                started.toString(), first.backends(), first.allocationFree(), first.requirements(), first.libraries());
    }
}
