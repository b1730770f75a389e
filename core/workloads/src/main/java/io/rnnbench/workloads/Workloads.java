package io.rnnbench.workloads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of the built-in workloads, by name. */
public final class Workloads {
    private static final Map<String, Workload> BY_NAME = new LinkedHashMap<>();

    static {
        register(new DinosWorkload());
        register(ShakespeareWorkload.standard());
        register(ShakespeareWorkload.deep());
        register(ShakespeareWorkload.lstm());
        register(new BinaryAdditionWorkload());
        register(new Seq2SeqWorkload());
        register(new WordsWorkload());
        register(new SrnByHandWorkload());
    }

    private Workloads() {
    }

    private static void register(Workload workload) {
        if (BY_NAME.putIfAbsent(workload.name(), workload) != null) {
            throw new IllegalStateException("two workloads named " + workload.name());
        }
    }

    /**
     * The workload registered under {@code name}.
     *
     * @throws IllegalArgumentException listing the known names when there is none
     */
    public static Workload byName(String name) {
        Workload workload = BY_NAME.get(name);
        if (workload == null) {
            throw new IllegalArgumentException("unknown workload '" + name + "'; known workloads: " + String.join(", ", names()));
        }
        return workload;
    }

    /** The names, in registration order. */
    public static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }
}
