package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.workloads.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Results kept for trend charts, keyed by machine and JVM so that a comparison never mixes them silently:
 * {@code <dir>/<cpu model>_<cores>c_jdk-<version>_jmh-<version>/<UTC time>_<label>/jmh-result.json} with its
 * {@code jmh-environment.json}. A kept result is an ordinary result file: {@code compare --baseline} takes it, and
 * the environment check says when it came from other hardware; {@code history} reads them all back ({@link #runs}).
 */
public final class History {
    private History() {
    }

    /**
     * Copies {@code result} (and its environment) into the history; returns the result's new path. Each file is
     * written atomically, the environment first, so that a kept result always has its environment beside it; the
     * temporary files a killed earlier record left in this machine's runs are removed first.
     */
    public static Path record(Path dir, Path result, Environment environment, String label) throws IOException {
        ResultPoints r = ResultPoints.read(result, null);
        String key = slug(environment.cpu()) + "_" + environment.cores() + "c_jdk-" + slug(r.jdkVersion()) + "_jmh-"
                + slug(r.jmhVersion());
        String when = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.now());
        Path machine = dir.resolve(key);
        if (Files.isDirectory(machine)) {
            for (Path run : sortedSubdirectories(machine)) {
                AtomicFiles.removeStaleTemporaries(run);
            }
        }
        Path target = machine.resolve(when + "_" + slug(label)).resolve(RunFiles.RESULTS);
        environment.write(target.resolveSibling(RunFiles.ENVIRONMENT));
        AtomicFiles.write(target, Files.readAllBytes(result));
        return target;
    }

    /** One kept result: its label (e.g. the commit), when it was kept, and its file. */
    public record KeptRun(String label, String time, Path result) {
    }

    /**
     * The kept results of {@code dir} by machine-and-JVM key, each list in the order they were kept (their directory
     * names start with the UTC time). A run directory without a result file is skipped.
     *
     * @throws IOException when {@code dir} is not a directory
     */
    public static Map<String, List<KeptRun>> runs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir + ": no such history directory");
        }
        Map<String, List<KeptRun>> runs = new TreeMap<>();
        for (Path machine : sortedSubdirectories(dir)) {
            List<KeptRun> kept = new ArrayList<>();
            for (Path run : sortedSubdirectories(machine)) {
                String name = run.getFileName().toString();
                int cut = name.indexOf('_');
                Path result = run.resolve(RunFiles.RESULTS);
                if (cut > 0 && Files.isRegularFile(result)) {
                    kept.add(new KeptRun(name.substring(cut + 1), name.substring(0, cut), result));
                }
            }
            if (!kept.isEmpty()) {
                runs.put(machine.getFileName().toString(), kept);
            }
        }
        return runs;
    }

    private static List<Path> sortedSubdirectories(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** Letters, digits, '.', '-' kept; runs of anything else become one '-'. */
    static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9.\\-]+", "-").replaceAll("^-|-$", "");
    }
}
