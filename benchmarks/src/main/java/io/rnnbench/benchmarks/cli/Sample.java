package io.rnnbench.benchmarks.cli;

import io.rnnbench.workloads.checkpoint.Checkpoint;
import io.rnnbench.workloads.checkpoint.CheckpointException;
import io.rnnbench.workloads.text.TextSampler;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.workloads.ShakespeareWorkload;
import io.rnnbench.workloads.Workload;
import io.rnnbench.workloads.WorkloadRun;
import io.rnnbench.workloads.Workloads;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates text from a checkpoint written by {@link Train} (or any {@code WorkloadRun.checkpoint()}): the
 * checkpoint's {@code config.json} names the workload; the run is rebuilt on {@code --backend} and restored, all or
 * nothing ({@link WorkloadRun#restore}).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.rnnbench.benchmarks.cli.Sample --checkpoint F
 * [--prime "First Citizen:"] [--length 200] [--temperature 0.8] [--backend raw] [--seed 0]}.
 * <ul>
 *   <li>character models ({@code shakespeare}, {@code shakespeare-deep}, {@code shakespeare-lstm}): the prime, then
 *       {@code --length} characters drawn from softmax(logits / temperature); defaults are the workload's
 *       ({@value ShakespeareWorkload#PRIME}, {@value ShakespeareWorkload#SAMPLE_LENGTH},
 *       {@value ShakespeareWorkload#TEMPERATURE});</li>
 *   <li>other generating workloads ({@code dinos}: names, {@code words}): draws as the workload's seed does, until
 *       {@code --length} characters; {@code --prime} and {@code --temperature} do not apply and are refused.</li>
 * </ul>
 * The same checkpoint, seed and arguments print the same text on every run. Exit status 0, or
 * {@value Flags#USAGE_ERROR} for bad arguments or a checkpoint that cannot be read or restored (the message says
 * what is wrong).
 */
public final class Sample {
    static final Set<String> FLAGS = new LinkedHashSet<>(List.of("checkpoint", "prime", "length", "temperature",
            "backend", "seed"));
    static final String USAGE = "usage: Sample --checkpoint F [--prime \"First Citizen:\"] [--length 200]"
            + " [--temperature 0.8] [--backend raw] [--seed 0]";
    /** Draws of a non-character workload are stopped here even if they are shorter than {@code --length}. */
    static final int MAX_DRAWS = 10_000;

    private Sample() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            out.println(sample(args));
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("sample: " + e.getMessage());
            if (e instanceof IllegalArgumentException) {
                err.println(USAGE);
            }
            return Flags.USAGE_ERROR;
        }
    }

    /**
     * The text the command prints.
     *
     * @throws IllegalArgumentException for bad arguments, an unknown backend, a workload that does not generate
     * @throws CheckpointException      for a checkpoint that cannot be read or does not fit its workload
     */
    static String sample(String[] args) throws IOException {
        Flags flags = Flags.parse(args, FLAGS, List.of("checkpoint"));
        long length = flags.integer("length", ShakespeareWorkload.SAMPLE_LENGTH, 0);
        double temperature = flags.positive("temperature", ShakespeareWorkload.TEMPERATURE);
        NumpyRandomState random = new NumpyRandomState(flags.integer("seed", 0, 0));
        Checkpoint checkpoint = Checkpoint.read(Path.of(flags.string("checkpoint", null)));
        WorkloadRun<?> run = restore(checkpoint, flags.string("backend", Train.DEFAULT_BACKEND));
        if (run instanceof ShakespeareWorkload.Run<?> text) {
            String prime = flags.string("prime", ShakespeareWorkload.PRIME);
            return prime + TextSampler.sample(text.network(), ShakespeareWorkload.corpus().vocabulary(), prime,
                    Math.toIntExact(length), temperature, random);
        }
        for (String characterOnly : List.of("prime", "temperature")) {
            if (flags.has(characterOnly)) {
                throw new IllegalArgumentException("--" + characterOnly + " applies to character models (shakespeare*);"
                        + " this checkpoint is of " + checkpoint.info().workload() + ", which draws its samples as its seed does");
            }
        }
        return Train.draw(run, random, Math.toIntExact(length), MAX_DRAWS).map(String::stripTrailing)
                .orElseThrow(() -> new IllegalArgumentException("this workload does not generate text; its quality: "
                        + run.quality()));
    }

    /** A run of the checkpoint's workload on {@code backend}, restored from it. */
    static WorkloadRun<?> restore(Checkpoint checkpoint, String backend) throws CheckpointException {
        Workload workload;
        try {
            workload = Workloads.byName(checkpoint.info().workload());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("the checkpoint's " + e.getMessage(), e);
        }
        WorkloadRun<?> run = workload.start(Backends.byName(backend));
        run.restore(checkpoint);
        return run;
    }
}
