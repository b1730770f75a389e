package io.rnnbench.benchmarks.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.rnnbench.workloads.io.AtomicFiles;
import io.rnnbench.workloads.io.JsonFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine a run was made on, which JMH's JSON does not record: CPU model, cores, OS and the time. The runner
 * writes it beside the results ({@code jmh-environment.json}); the report reads it back.
 *
 * @param cpu       the CPU model from {@code /proc/cpuinfo}, or {@code os.arch} where there is none
 * @param cores     available processors
 * @param os        OS name, version and architecture
 * @param java      the runner JVM's {@code java.vendor} and {@code java.runtime.version}
 * @param maxHeapMb the runner JVM's max heap (the forks' heap is in JMH's jvmArgs)
 * @param started   when the run started, ISO-8601 UTC
 * @param backends  the backends registered on the class path
 * @param allocationFree those of them that allocate nothing per operation once compiled
 *                  ({@code BackendProvider.allocationFree}); null in files written before stop 13
 * @param requirements what each of them needs beyond the class path ({@code BackendProvider.requirements}), by name;
 *                  null in files written before issue 19
 * @param libraries what the backends that name one compute with ({@code BackendProvider.library}, e.g. the native BLAS
 *                  loaded), by name; null in files written before issue 19
 */
public record Environment(String cpu, int cores, String os, String java, long maxHeapMb, String started,
                          List<String> backends, List<String> allocationFree, Map<String, String> requirements,
                          Map<String, String> libraries) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    /** An environment file is a few hundred bytes. */
    static final long MAX_BYTES = 1 << 20;

    /** This machine, now. */
    public static Environment current(List<String> backends, List<String> allocationFree,
            Map<String, String> requirements, Map<String, String> libraries) {
        return new Environment(cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Instant.now().toString(), List.copyOf(backends),
                List.copyOf(allocationFree), new TreeMap<>(requirements), new TreeMap<>(libraries));
    }

    /** Whether the run's registry said {@code backend} allocates nothing per operation once compiled. */
    public boolean isAllocationFree(String backend) {
        return allocationFree != null && allocationFree.contains(backend);
    }

    /**
     * What {@code backend} needs beyond the class path, as the run's registry said; null when the file does not
     * record it.
     */
    public String requirements(String backend) {
        return requirements == null ? null : requirements.get(backend);
    }

    /** Writes this as JSON, atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, GSON.toJson(this) + "\n");
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws IllegalArgumentException when it is not such a file
     */
    public static Environment read(Path file) throws IOException {
        try {
            Environment e = GSON.fromJson(JsonFiles.read(file, MAX_BYTES), Environment.class);
            if (e == null || e.cpu == null) {
                throw new IllegalArgumentException(file + " does not describe a machine (no \"cpu\")");
            }
            return e;
        } catch (JsonFiles.BadFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not an environment file: " + e.getMessage(), e);
        }
    }

    /** The first "model name" of /proc/cpuinfo (Linux), else the architecture. */
    static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException e) {
                // fall through to the architecture
            }
        }
        return System.getProperty("os.arch");
    }
}
