package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.workloads.ShakespeareWorkload;
import io.rnnbench.workloads.Workload;
import io.rnnbench.workloads.WorkloadRun;
import io.rnnbench.workloads.Workloads;
import io.rnnbench.workloads.checkpoint.Checkpoint;
import io.rnnbench.workloads.checkpoint.CheckpointException;
import io.rnnbench.workloads.text.TextSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rnnbench sample}: generates text from a checkpoint written by {@link Train} (or any {@code WorkloadRun.checkpoint()}): the
 * checkpoint's {@code config.json} names the workload; the run is rebuilt on {@code --backend} and restored, all or
 * nothing ({@link WorkloadRun#restore}).
 *
 * <ul>
 *   <li>character models ({@code shakespeare}, {@code shakespeare-deep}, {@code shakespeare-lstm}): the prime, then
 *       {@code --length} characters drawn from softmax(logits / temperature); defaults are the workload's
 *       ({@value ShakespeareWorkload#PRIME}, {@value ShakespeareWorkload#SAMPLE_LENGTH},
 *       {@value ShakespeareWorkload#TEMPERATURE});</li>
 *   <li>other generating workloads ({@code dinos}: names, {@code words}): draws as the workload's seed does, until
 *       {@code --length} characters; {@code --prime} and {@code --temperature} do not apply and are refused.</li>
 * </ul>
 * The same checkpoint, seed and arguments print the same text on every run. Exit status 0, or
 * 2 for bad arguments or a checkpoint that cannot be read or restored (the message says
 * what is wrong).
 */
@Command(name = "sample", description = "Generates text from a checkpoint written by train.")
public final class Sample implements Callable<Integer> {
    /** Draws of a non-character workload are stopped here even if they are shorter than {@code --length}. */
    static final int MAX_DRAWS = 10_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "F", description = "A checkpoint written by train.")
    Path checkpoint;

    @Option(names = "--prime", paramLabel = "TEXT",
            description = "Character models: the text to start from (default \"" + ShakespeareWorkload.PRIME + "\").")
    String prime;

    @Option(names = "--length", paramLabel = "N", defaultValue = "" + ShakespeareWorkload.SAMPLE_LENGTH,
            description = "Characters to draw (default ${DEFAULT-VALUE}).")
    long length;

    @Option(names = "--temperature", paramLabel = "T",
            description = "Character models: softmax(logits / T), T > 0 (default " + ShakespeareWorkload.TEMPERATURE + ").")
    Double temperature;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Train.DEFAULT_BACKEND,
            description = "A registered backend (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the sampling generator (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        try {
            System.out.println(sample());
            return ExitStatus.OK;
        } catch (IOException e) {
            System.err.println("sample: " + e.getMessage());
            return ExitStatus.USAGE;
        }
    }

    /**
     * The text the command prints.
     *
     * @throws ParameterException  for bad arguments, an unknown backend, a workload that does not generate
     * @throws CheckpointException for a checkpoint that cannot be read or does not fit its workload
     */
    private String sample() throws IOException {
        if (length < 0) {
            throw new ParameterException(spec.commandLine(), "--length must be ≥ 0, got " + length);
        }
        if (temperature != null && (!(temperature > 0) || Double.isInfinite(temperature))) {
            throw new ParameterException(spec.commandLine(), "--temperature must be a finite number > 0, got " + temperature);
        }
        if (seed < 0) {
            throw new ParameterException(spec.commandLine(), "--seed must be ≥ 0, got " + seed);
        }
        NumpyRandomState random = new NumpyRandomState(seed);
        Checkpoint read = Checkpoint.read(checkpoint);
        WorkloadRun<?> run;
        try {
            run = restore(read, backend);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (run instanceof ShakespeareWorkload.Run<?> text) {
            String start = prime != null ? prime : ShakespeareWorkload.PRIME;
            return start + TextSampler.sample(text.network(), ShakespeareWorkload.corpus().vocabulary(), start,
                    Math.toIntExact(length), temperature != null ? temperature : ShakespeareWorkload.TEMPERATURE, random);
        }
        if (prime != null || temperature != null) {
            throw new ParameterException(spec.commandLine(), "--" + (prime != null ? "prime" : "temperature")
                    + " applies to character models (shakespeare*); this checkpoint is of " + read.info().workload()
                    + ", which draws its samples as its seed does");
        }
        return Train.draw(run, random, Math.toIntExact(length), MAX_DRAWS).map(String::stripTrailing)
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "this workload does not generate text; its quality: "
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
