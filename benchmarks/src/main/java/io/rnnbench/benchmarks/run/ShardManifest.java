package io.rnnbench.benchmarks.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.rnnbench.benchmarks.grid.Shard;
import io.rnnbench.benchmarks.grid.ShardPlan;
import io.rnnbench.workloads.io.AtomicFiles;
import io.rnnbench.workloads.io.JsonFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * What a shard run ({@code rnnbench run --shard k/n}) ran, written beside its results as {@value #FILE} so that
 * {@code rnnbench merge} can tell whether shards fit together: which shard of how many, the whole grid (every
 * comparison group of the unsharded grid, sorted, and its fingerprint) and this shard's groups.
 *
 * @param format          {@value #FORMAT}
 * @param shard           {@code k/n}
 * @param estimates       where the split's cost estimates came from ({@code ForkCost#source})
 * @param gridFingerprint {@link #fingerprint} of {@code gridGroups}
 * @param gridGroups      every group of the whole grid, sorted
 * @param groups          this shard's groups, sorted
 */
public record ShardManifest(String format, String shard, String estimates, String gridFingerprint, List<String> gridGroups,
                            List<String> groups) {
    /** The file name, beside {@code jmh-result.json}. */
    public static final String FILE = "jmh-shard.json";
    /** The format's name and version. */
    public static final String FORMAT = "rnnbench-shard/1";
    /** A manifest lists group names only: a few kB for the full grid. */
    static final long MAX_BYTES = 4L << 20;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The manifest of {@code shard} of {@code plan}. */
    public static ShardManifest of(ShardPlan plan, Shard shard, String estimates) {
        return new ShardManifest(FORMAT, shard.toString(), estimates, fingerprint(plan.gridGroups()), plan.gridGroups(),
                plan.groups(shard));
    }

    /** {@code sha256:} and the first 16 hex digits of the SHA-256 of the group names, one per line. */
    public static String fingerprint(List<String> groups) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", groups).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The shard, parsed. */
    public Shard parsedShard() {
        return Shard.parse(shard);
    }

    /** Writes this, atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, GSON.toJson(this) + "\n");
    }

    /**
     * Reads a manifest and checks it: the format, the shard, the lists, the fingerprint, its groups within the grid's.
     *
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    public static ShardManifest read(Path file) throws IOException {
        ShardManifest m;
        try {
            m = GSON.fromJson(JsonFiles.read(file, MAX_BYTES), ShardManifest.class);
        } catch (JsonFiles.BadFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not a shard manifest: " + e.getMessage(), e);
        }
        if (m == null || !FORMAT.equals(m.format)) {
            throw new IllegalArgumentException(file + ": not a shard manifest (\"format\": \"" + FORMAT + "\" expected, got "
                    + (m == null ? "nothing" : m.format) + ")");
        }
        if (m.shard == null || m.gridFingerprint == null || m.gridGroups == null || m.groups == null
                || m.gridGroups.contains(null) || m.groups.contains(null)) {
            throw new IllegalArgumentException(file + ": incomplete shard manifest: \"shard\", \"gridFingerprint\", "
                    + "\"gridGroups\" and \"groups\" are all required");
        }
        try {
            m.parsedShard();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (!m.gridFingerprint.equals(fingerprint(m.gridGroups)) || !List.copyOf(new TreeSet<>(m.gridGroups)).equals(m.gridGroups)) {
            throw new IllegalArgumentException(file + ": \"gridFingerprint\" " + m.gridFingerprint + " is not that of its "
                    + "\"gridGroups\" (" + fingerprint(m.gridGroups) + ", sorted, each once): the file was altered");
        }
        for (String group : m.groups) {
            if (!m.gridGroups.contains(group)) {
                throw new IllegalArgumentException(file + ": group '" + group + "' is not in the grid's \"gridGroups\"");
            }
        }
        return m;
    }
}
