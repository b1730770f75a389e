package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.Durations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs two benchmark jars alternately, one JMH fork per invocation ({@code java -jar <jar> … -f 1 -rf json}), in the
 * order A B, B A, A B, … (A B B A A B B A), with a progress line per fork. Interleaving means that a drift of the
 * machine (a neighbour starting, thermal throttling) falls on both sides alike instead of on whichever side ran
 * second; the ABBA order also balances "runs first after the other one". Each jar is used only as a plain JMH jar,
 * so a jar built from an older revision works.
 *
 * @param java       the {@code java} executable
 * @param ignoreLock whether the forks run while another JMH run holds {@code /tmp/jmh.lock}
 * @param arguments  the JMH arguments of every invocation (benchmarks, parameters, iterations, profilers)
 */
record InterleavedForks(String java, boolean ignoreLock, List<String> arguments) {

    /**
     * One side.
     *
     * @param name      "baseline" or "candidate": in progress lines, messages and file names
     * @param jar       its benchmarks jar
     * @param arguments the JMH arguments only this side gets (e.g. {@code -p backend=raw})
     */
    record Side(String name, Path jar, List<String> arguments) {
    }

    /**
     * Runs {@code forks} forks of each side; each fork writes {@code <dir>/<side>-NN.json} and its log
     * {@code <dir>/<side>-NN.log}.
     *
     * @return per side (a, then b), its forks' JSON files in order
     * @throws IllegalStateException naming the side, the fork, the command and the log's last lines when a fork fails
     */
    List<List<Path>> run(Side a, Side b, int forks, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<Path> aFiles = new ArrayList<>(), bFiles = new ArrayList<>();
        Instant start = Instant.now();
        int total = 2 * forks, done = 0;
        for (int fork = 1; fork <= forks; fork++) {
            boolean aFirst = fork % 2 == 1;
            for (int k = 0; k < 2; k++) {
                boolean isA = (k == 0) == aFirst;
                Side side = isA ? a : b;
                Duration elapsed = Duration.between(start, Instant.now());
                String left = done == 0 ? "estimate after the first" : "about " + Durations.minutesAndSeconds(elapsed.dividedBy(done).multipliedBy(total - done)) + " left";
                System.out.printf(Locale.ROOT, "[ab %d/%d] %s fork %d/%d — %s elapsed, %s%n", done + 1, total, side.name(),
                        fork, forks, Durations.minutesAndSeconds(elapsed), left);
                (isA ? aFiles : bFiles).add(runFork(side, fork, dir));
                done++;
            }
        }
        System.out.printf("[ab] %d forks per side in %s%n", forks, Durations.minutesAndSeconds(Duration.between(start, Instant.now())));
        return List.of(aFiles, bFiles);
    }

    private Path runFork(Side side, int fork, Path dir) throws IOException, InterruptedException {
        Path json = dir.resolve(String.format(Locale.ROOT, "%s-%02d.json", side.name(), fork));
        Path log = dir.resolve(String.format(Locale.ROOT, "%s-%02d.log", side.name(), fork));
        List<String> command = new ArrayList<>(List.of(java));
        if (ignoreLock) {
            command.add("-Djmh.ignoreLock=true");
        }
        command.addAll(List.of("-jar", side.jar().toString()));
        command.addAll(arguments);
        command.addAll(side.arguments());
        command.addAll(List.of("-rf", "json", "-rff", json.toString()));
        Files.deleteIfExists(json);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        if (exit != 0 || !Files.isRegularFile(json)) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            throw new IllegalStateException(side.name() + " fork " + fork + " failed (exit " + exit + "); command: "
                    + String.join(" ", command) + "\nlast lines of " + log + ":\n" + tail);
        }
        return json;
    }

    /** Whether {@code jar} lists the benchmarks of {@code include} ({@code java -jar jar -l}). */
    boolean lists(Path jar, String include) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java, "-jar", jar.toString(), "-l").redirectErrorStream(true).start();
        String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(jar + " cannot list its benchmarks (java -jar " + jar + " -l):\n" + listing);
        }
        return listing.contains(include + ".");
    }
}
