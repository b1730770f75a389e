package io.rnnbench.benchmarks.regression;

import io.rnnbench.workloads.io.AtomicFiles;
import io.rnnbench.benchmarks.report.Environment;
import io.rnnbench.benchmarks.report.RunFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Results kept for trend charts, keyed by machine and JVM so that a comparison never mixes them silently:
 * {@code <dir>/<cpu model>_<cores>c_jdk-<version>_jmh-<version>/<UTC time>_<label>/jmh-result.json} with its
 * {@code jmh-environment.json}. A kept result is an ordinary result file: {@code Compare --baseline} takes it, and
 * the environment check says when it came from other hardware.
 */
public final class History {
    private History() {
    }

    /** Copies {@code result} (and its environment) into the history; returns the result's new path. */
    public static Path record(Path dir, Path result, Environment environment, String label) throws IOException {
        ResultPoints r = ResultPoints.read(result, null);
        String key = slug(environment.cpu()) + "_" + environment.cores() + "c_jdk-" + slug(r.jdkVersion()) + "_jmh-"
                + slug(r.jmhVersion());
        String when = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.now());
        Path target = dir.resolve(key).resolve(when + "_" + slug(label)).resolve(RunFiles.RESULTS);
        AtomicFiles.write(target, Files.readAllBytes(result));
        environment.write(target.resolveSibling(RunFiles.ENVIRONMENT));
        return target;
    }

    /** Letters, digits, '.', '-' kept; runs of anything else become one '-'. */
    static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9.\\-]+", "-").replaceAll("^-|-$", "");
    }
}
