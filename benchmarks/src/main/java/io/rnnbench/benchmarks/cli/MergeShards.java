package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.benchmarks.report.WriteReport;
import io.rnnbench.benchmarks.run.ShardManifest;
import io.rnnbench.benchmarks.run.ShardMerge;
import io.rnnbench.workloads.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rnnbench merge --out DIR SHARD_DIR…}: joins the results of the shards of one grid ({@code run --shard k/n})
 * into {@code DIR/jmh-result.json}, plain JMH JSON with every entry as its shard wrote it, writes the machine
 * ({@code DIR/jmh-environment.json}) and the report ({@code rnnbench report}'s files in {@code DIR}). What it refuses,
 * and why: {@link ShardMerge}. Exit status 2 for shards that do not fit together, with one line naming them.
 */
@Command(name = "merge", description = {"Joins the results of the shards of one grid (run --shard k/n) into one JMH "
        + "result and writes its report.", "Refuses shards of different grids, that overlap or leave a hole, from "
        + "different machines, JDKs or JMH versions (unless --allow-mixed), and damaged files."})
public final class MergeShards implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the merged " + RunFiles.RESULTS
            + ", " + RunFiles.ENVIRONMENT + " and the report go.")
    Path out;

    @Option(names = "--allow-mixed", description = "Merge shards from different machines or JVMs; the report then opens "
            + "with a banner saying what differs.")
    boolean allowMixed;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "Each shard's output directory (its "
            + RunFiles.RESULTS + ", " + RunFiles.ENVIRONMENT + " and " + ShardManifest.FILE + ").")
    List<Path> shards = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        System.setProperty("java.awt.headless", "true");
        for (Path shard : shards) {
            if (shard.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--out " + out + " is one of the shards: the merge would overwrite its results");
            }
        }
        ShardMerge.Merged merged = ShardMerge.of(shards, allowMixed);
        Path results = out.resolve(RunFiles.RESULTS);
        AtomicFiles.writeString(results, merged.json());
        Path environment = out.resolve(RunFiles.ENVIRONMENT);
        if (merged.environment() != null) {
            merged.environment().write(environment);
        } else {
            Files.deleteIfExists(environment);
        }
        WriteReport.write(results, out, System.out, merged.mixed().isEmpty() ? List.of() : List.of(banner(merged.mixed())));
        System.out.println("[merge] " + shards.size() + " shard(s) into " + results.toAbsolutePath()
                + (merged.mixed().isEmpty() ? "" : "; mixed machines or JVMs: " + String.join("; ", merged.mixed())));
        return ExitStatus.OK;
    }

    /** The report's opening banner for shards of different machines or JVMs. */
    static String banner(List<String> mixed) {
        return "**⚠ Merged from shards of different machines or JVMs** (`--allow-mixed`): " + String.join("; ", mixed)
                + ". Each comparison group ran on one shard, so backends are compared on one machine; figures of "
                + "different groups (shapes, suites) may come from different machines and do not compare.";
    }
}
