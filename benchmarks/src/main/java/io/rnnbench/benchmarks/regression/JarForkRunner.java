package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.grid.Grid;
import io.rnnbench.benchmarks.grid.GridPoint;
import io.rnnbench.benchmarks.report.TimeUnits;
import io.rnnbench.benchmarks.results.JmhResults;
import io.rnnbench.benchmarks.run.ForkRunner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One fork of one point of an A/B run, in the jar of the point's side:
 * {@code java -jar <jar> '^<benchmark>$' -p … <the side's own arguments> <the run's arguments> -f 1 -rf json}, each
 * fork's JSON and log in a directory of their own. Each jar is used only as a plain JMH jar, so a jar built from an
 * older revision works. A point's side is its parameter {@value #SIDE}, which is not passed to JMH.
 */
final class JarForkRunner implements ForkRunner {
    /** The parameter of a point that names its side: the member of an A/B comparison group. */
    static final String SIDE = "side";

    /**
     * One side.
     *
     * @param name      "baseline" or "candidate": in progress lines, messages and file names
     * @param jar       its benchmarks jar
     * @param arguments the JMH arguments only this side gets (e.g. {@code -p backend=raw})
     */
    record Side(String name, Path jar, List<String> arguments) {
    }

    private final String java;
    private final boolean ignoreLock;
    private final List<String> arguments;
    private final Map<String, Side> sides = new LinkedHashMap<>();
    private final Path dir;
    private final Map<String, List<Path>> files = new LinkedHashMap<>();
    private int count;

    /**
     * @param java       the {@code java} executable
     * @param ignoreLock whether the forks run while another JMH run holds {@code /tmp/jmh.lock}
     * @param arguments  the JMH arguments of every fork (iterations, profilers, JVM options)
     * @param sides      the sides, by name
     * @param dir        where each fork's JSON and log go
     */
    JarForkRunner(String java, boolean ignoreLock, List<String> arguments, List<Side> sides, Path dir) {
        this.java = java;
        this.ignoreLock = ignoreLock;
        this.arguments = List.copyOf(arguments);
        this.dir = dir;
        sides.forEach(s -> {
            this.sides.put(s.name(), s);
            files.put(s.name(), new ArrayList<>());
        });
    }

    /**
     * The points {@code side}'s jar runs for {@code selection} (benchmark regexes and {@code -p} options), as JMH lists
     * them ({@code -lp}) with the side's own arguments, each with {@value #SIDE} set and without the parameters in
     * {@code perSide} (those the sides set differently, which are not part of a point's comparison).
     *
     * @throws IllegalStateException when the jar cannot list its benchmarks, or runs one point with several values of
     *                               a parameter in {@code perSide}
     */
    List<GridPoint> list(Side side, List<String> selection, List<String> perSide) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-jar", side.jar().toString()));
        command.addAll(selection);
        command.addAll(side.arguments());
        command.add("-lp");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(side.jar() + " cannot list its benchmarks (" + String.join(" ", command) + "):\n" + listing);
        }
        Set<GridPoint> points = new LinkedHashSet<>();
        for (GridPoint point : Grid.ofListing(listing, side.name() + " jar " + side.jar())) {
            Map<String, String> params = new TreeMap<>(point.params());
            perSide.forEach(params::remove);
            params.put(SIDE, side.name());
            if (!points.add(GridPoint.of(point.benchmark(), params))) {
                throw new IllegalStateException("the " + side.name() + " runs " + point.shortName() + " with several values of "
                        + perSide + ", which are set per side: give the " + side.name() + " one value of each (--"
                        + side.name() + "-param)");
            }
        }
        return List.copyOf(points);
    }

    /**
     * Runs the fork; {@code <dir>/<nnnn>-<side>.json} and {@code .log}.
     *
     * @return the fork's primary score as a time per operation in seconds (for a throughput, its inverse)
     */
    @Override
    public double run(GridPoint point, int fork) throws ForkFailedException {
        Side side = sides.get(point.member(SIDE));
        String name = String.format(Locale.ROOT, "%04d-%s", ++count, side.name());
        Path json = dir.resolve(name + ".json");
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(java));
        if (ignoreLock) {
            command.add("-Djmh.ignoreLock=true");
        }
        command.addAll(List.of("-jar", side.jar().toString(), "^" + Pattern.quote(point.benchmark()) + "$"));
        point.params().forEach((k, v) -> {
            if (!k.equals(SIDE)) {
                command.addAll(List.of("-p", k + "=" + v));
            }
        });
        command.addAll(side.arguments());
        command.addAll(arguments);
        command.addAll(List.of("-f", "1", "-rf", "json", "-rff", json.toString()));
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(json);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int exit = process.waitFor();
            if (exit != 0 || !Files.isRegularFile(json)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
                throw new ForkFailedException(point.describe(SIDE) + ", fork " + fork + " failed (exit " + exit + "); command: "
                        + String.join(" ", command) + "\nlast lines of " + log + ":\n" + tail, null);
            }
            List<JmhResults.Entry> entries = JmhResults.read(json).entries();
            if (entries.isEmpty()) {
                throw new ForkFailedException(point.describe(SIDE) + ", fork " + fork + ": no result in " + json + " (log: " + log + ")", null);
            }
            JmhResults.Metric primary = entries.get(0).primary();
            files.get(side.name()).add(json);
            return primary.unit().endsWith("/op") ? primary.score() * TimeUnits.secondsPer(primary.unit()) : 1 / primary.score();
        } catch (IOException | IllegalArgumentException e) {
            throw new ForkFailedException(point.describe(SIDE) + ", fork " + fork + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForkFailedException(point.describe(SIDE) + ", fork " + fork + ": interrupted", e);
        }
    }

    /** {@code side}'s forks' JSON files, in the order run. */
    List<Path> files(Side side) {
        return List.copyOf(files.get(side.name()));
    }
}
