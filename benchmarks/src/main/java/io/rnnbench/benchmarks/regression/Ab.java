package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.ForkJvm;
import io.rnnbench.core.io.AtomicFiles;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.core.spi.Backends;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A/B in one job: runs a baseline and a candidate {@code benchmarks.jar} interleaved fork by fork (A B B A A B …),
 * each invocation one fork ({@code -f 1}) of every selected point plus the {@link Comparison#RULER_PACKAGE ruler}
 * benchmarks, merges each side's forks into one JMH JSON ({@code <out>/baseline/jmh-result.json},
 * {@code <out>/candidate/jmh-result.json}, each with its {@code jmh-environment.json}) and compares them
 * ({@link Compare}'s rules, exit codes and outputs: {@code <out>/verdict.md}, {@code <out>/verdict.json}).
 *
 * <p>Interleaving means that a drift of the machine (a neighbour starting, thermal throttling) falls on both sides
 * alike instead of on whichever side ran second; the ABBA order also balances "runs first after the other one". The
 * rulers catch what interleaving cannot: if they differ between A and B, time verdicts are withheld.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.rnnbench.benchmarks.regression.Ab --baseline A.jar --candidate B.jar
 * [--forks 10] [--include REGEX]… [--param name=v1,v2]… [--baseline-param name=v]… [--candidate-param name=v]…
 * [--warmup-iterations 2] [--warmup-time 200ms] [--iterations 5] [--time 200ms] [--heap 1g] [--out target/ab]
 * [--java /path/to/java] [--ignore-lock] [--no-ruler] [--history DIR --label REV]} plus Compare's threshold options
 * ({@code --threshold}, {@code --alpha}, {@code --alloc-threshold}, {@code --alloc-bytes}, {@code --ruler-tolerance},
 * {@code --time-blocking}). Without {@code --include}, a small subset: Forward and TrainingStep with
 * {@code backend=raw}, {@code cell=rnn}, {@code shape=char} where no value of that parameter is given. Parameters given per side (e.g. {@code --baseline-param backend=raw
 * --candidate-param backend=commons-math}) are left out of the comparison's keys.
 */
public final class Ab {
    /** The default subset's benchmarks. */
    static final String DEFAULT_INCLUDE = "io.rnnbench.benchmarks.rnn.(Forward|TrainingStep)Benchmark";
    /** The default subset's parameters. */
    static final List<String> DEFAULT_PARAMS = List.of("backend=raw", "cell=rnn", "shape=char");
    /** JMH include regex of the rulers. */
    static final String RULER_INCLUDE = "io.rnnbench.benchmarks.ruler.RulerBenchmark";

    private Ab() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Set<String> known = new HashSet<>(List.of("baseline", "candidate", "forks", "include", "param", "baseline-param",
                "candidate-param", "warmup-iterations", "warmup-time", "iterations", "time", "heap", "out", "java",
                "ignore-lock", "no-ruler", "history", "label", "markdown", "json"));
        known.addAll(Options.THRESHOLD_OPTIONS);
        Options o;
        Thresholds thresholds;
        Path a, b, out;
        int forks;
        try {
            o = Options.parse(args, known, Set.of("ignore-lock", "no-ruler"));
            thresholds = o.thresholds();
            a = jar(o.required("baseline"));
            b = jar(o.required("candidate"));
            forks = o.integer("forks", 10);
            if (forks < 2) {
                throw new IllegalArgumentException("--forks " + forks + ": at least 2 per side (8–10 to decide at α = 0.01)");
            }
            out = Path.of(o.get("out", "target/ab"));
        } catch (IllegalArgumentException e) {
            System.err.println("ab: " + e.getMessage());
            System.err.println(usage());
            return Compare.USAGE;
        }
        try {
            return abRun(o, thresholds, a, b, out, forks);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("ab: " + e.getMessage());
            return Compare.USAGE;
        } catch (IOException e) {
            System.err.println("ab: " + e);
            return Compare.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("ab: interrupted");
            return Compare.USAGE;
        }
    }

    private static int abRun(Options o, Thresholds thresholds, Path a, Path b, Path out, int forks)
            throws IOException, InterruptedException {
        String java = o.get("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> includes = o.all("include").isEmpty() ? List.of(DEFAULT_INCLUDE) : o.all("include");
        Set<String> named = new HashSet<>();
        for (String p : concat(o.all("param"), concat(o.all("baseline-param"), o.all("candidate-param")))) {
            named.add(p.substring(0, Math.max(0, p.indexOf('='))));
        }
        List<String> params = new ArrayList<>(o.all("param"));
        if (o.all("include").isEmpty()) { // the default subset: its parameters where none of that name is given
            DEFAULT_PARAMS.stream().filter(p -> !named.contains(p.substring(0, p.indexOf('=')))).forEach(params::add);
        }
        Set<String> ignored = new LinkedHashSet<>();
        for (String p : concat(o.all("baseline-param"), o.all("candidate-param"))) {
            if (p.indexOf('=') <= 0) {
                throw new IllegalArgumentException("--baseline-param/--candidate-param " + p + ": expected name=value");
            }
            ignored.add(p.substring(0, p.indexOf('=')));
        }
        boolean rulerA = !o.flag("no-ruler") && hasRuler(java, a);
        boolean rulerB = !o.flag("no-ruler") && hasRuler(java, b);
        boolean rulers = rulerA && rulerB;
        if (!o.flag("no-ruler") && !rulers) {
            System.out.println("[ab] the " + (rulerA ? "candidate" : rulerB ? "baseline" : "baseline and candidate")
                    + " jar has no ruler benchmarks (" + RULER_INCLUDE + "): no machine-stability check");
        }
        Path forkDir = out.resolve("forks");
        Files.createDirectories(forkDir);
        List<Path> aFiles = new ArrayList<>(), bFiles = new ArrayList<>();
        Instant start = Instant.now();
        int total = 2 * forks, done = 0;
        for (int fork = 1; fork <= forks; fork++) {
            boolean aFirst = fork % 2 == 1; // A B, B A, A B, …: A B B A A B B A
            for (int k = 0; k < 2; k++) {
                boolean isA = (k == 0) == aFirst;
                String side = isA ? "baseline" : "candidate";
                Path json = forkDir.resolve(String.format(Locale.ROOT, "%s-%02d.json", side, fork));
                Path log = forkDir.resolve(String.format(Locale.ROOT, "%s-%02d.log", side, fork));
                Duration elapsed = Duration.between(start, Instant.now());
                String left = done == 0 ? "estimate after the first" : "about " + format(elapsed.dividedBy(done).multipliedBy(total - done)) + " left";
                System.out.printf(Locale.ROOT, "[ab %d/%d] %s fork %d/%d — %s elapsed, %s%n", done + 1, total, side, fork,
                        forks, format(elapsed), left);
                List<String> command = new ArrayList<>(List.of(java));
                if (o.flag("ignore-lock")) {
                    command.add("-Djmh.ignoreLock=true");
                }
                command.addAll(List.of("-jar", (isA ? a : b).toString()));
                command.addAll(includes);
                if (rulers) {
                    command.add(RULER_INCLUDE);
                }
                for (String p : concat(params, o.all(isA ? "baseline-param" : "candidate-param"))) {
                    command.addAll(List.of("-p", p));
                }
                String heap = o.get("heap", "1g");
                command.addAll(List.of("-f", "1", "-wi", o.get("warmup-iterations", "2"), "-w", o.get("warmup-time", "200ms"),
                        "-i", o.get("iterations", "5"), "-r", o.get("time", "200ms"), "-t", "1", "-foe", "true",
                        "-prof", "gc", "-rf", "json", "-rff", json.toString(),
                        "-jvmArgsAppend", "-Xms" + heap + " -Xmx" + heap + " " + ForkJvm.VECTOR_API));
                Files.deleteIfExists(json);
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                int exit = process.waitFor();
                if (exit != 0 || !Files.isRegularFile(json)) {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
                    throw new IllegalStateException(side + " fork " + fork + " failed (exit " + exit + "); command: "
                            + String.join(" ", command) + "\nlast lines of " + log + ":\n" + tail);
                }
                (isA ? aFiles : bFiles).add(json);
                done++;
            }
        }
        System.out.printf("[ab] %d forks per side in %s%n", forks, format(Duration.between(start, Instant.now())));
        Environment environment = Environment.current(Backends.names(), Backends.allocationFree(), Backends.requirements());
        Path aResult = out.resolve("baseline").resolve(RunFiles.RESULTS);
        Path bResult = out.resolve("candidate").resolve(RunFiles.RESULTS);
        AtomicFiles.writeString(aResult, ForkMerge.merge(aFiles));
        AtomicFiles.writeString(bResult, ForkMerge.merge(bFiles));
        environment.write(aResult.resolveSibling(RunFiles.ENVIRONMENT));
        environment.write(bResult.resolveSibling(RunFiles.ENVIRONMENT));
        if (o.get("history", null) != null) {
            Path kept = History.record(Path.of(o.get("history", null)), bResult, environment, o.get("label", "candidate"));
            System.out.println("[ab] candidate kept in the history: " + kept);
        }
        Comparison comparison = Comparison.of(ResultFile.read(aResult, null), ResultFile.read(bResult, null), thresholds,
                List.copyOf(ignored));
        return Compare.report(comparison, o.get("markdown", out.resolve("verdict.md").toString()),
                o.get("json", out.resolve("verdict.json").toString()));
    }

    /** Whether {@code jar} lists the ruler benchmarks ({@code java -jar jar -l}). */
    static boolean hasRuler(String java, Path jar) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java, "-jar", jar.toString(), "-l").redirectErrorStream(true).start();
        String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(jar + " cannot list its benchmarks (java -jar " + jar + " -l):\n" + listing);
        }
        return listing.contains(RULER_INCLUDE + ".");
    }

    private static Path jar(String name) {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(name + ": no such jar (build one with mvn -pl benchmarks package -DskipTests, "
                    + "or scripts/build-baseline-jar.sh <git-rev>)");
        }
        return p;
    }

    private static List<String> concat(List<String> x, List<String> y) {
        List<String> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
    }

    static String usage() {
        return "usage: Ab --baseline A.jar --candidate B.jar [--forks 10] [--include REGEX]... [--param name=v1,v2]... "
                + "[--baseline-param name=v]... [--candidate-param name=v]... [--warmup-iterations 2] [--warmup-time 200ms] "
                + "[--iterations 5] [--time 200ms] [--heap 1g] [--out target/ab] [--java PATH] [--ignore-lock] [--no-ruler] "
                + "[--history DIR --label REV] [--threshold 0.10] [--alpha 0.01] [--alloc-threshold 0.05] [--alloc-bytes 64] "
                + "[--ruler-tolerance 0.03] [--time-blocking true|false] [--markdown FILE] [--json FILE]";
    }
}
