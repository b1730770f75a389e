package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.workloads.ShakespeareWorkload;
import io.rnnbench.workloads.Workload;
import io.rnnbench.workloads.WorkloadRun;
import io.rnnbench.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code rnnbench train}: trains a named workload on a named backend, for people: a progress bar (step, smoothed
 * loss, steps/s, ETA), samples at intervals, a loss-curve PNG and a checkpoint at the end.
 * <ul>
 *   <li>{@code --checkpoint F}: written at the end, and every {@code --every} steps when given (atomically: an
 *       interrupted run leaves the previous checkpoint whole); {@link Sample} reads it;</li>
 *   <li>{@code --sample-every N} (default: a tenth of the run; 0 = never): workloads that generate (shakespeare*,
 *       dinos, words) print a sample, drawn from one generator seeded with {@code --seed}; the others print their
 *       quality figure;</li>
 *   <li>{@code --chart} (default {@code <workload>-loss.png}; {@code none} for no chart): per-step and smoothed loss.</li>
 * </ul>
 * Exit status 0 when done, 2 for bad arguments (an unknown workload or backend: the message lists the known names),
 * 1 when a file cannot be written.
 */
@Command(name = "train", description = "Trains a named workload on a named backend: progress, samples, a loss chart, a checkpoint.")
public final class Train implements Callable<Integer> {
    static final String DEFAULT_BACKEND = "raw";
    /** Samples shorter than this (a dinosaur name) are drawn again, up to {@value #MAX_SAMPLES} times, for one block. */
    static final int MIN_SAMPLE_CHARACTERS = 80;
    static final int MAX_SAMPLES = 8;

    @Spec
    CommandSpec spec;

    @Option(names = "--workload", required = true, paramLabel = "NAME", description = "A registered workload (an unknown name lists them).")
    String workload;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Training steps (one optimizer update each), ≥ 1.")
    long steps;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = DEFAULT_BACKEND,
            description = "A registered backend (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--checkpoint", paramLabel = "F", description = ".npz checkpoint written at the end (atomically).")
    Path checkpoint;

    @Option(names = "--every", paramLabel = "N", description = "Also write the checkpoint every N steps (needs --checkpoint).")
    Long every;

    @Option(names = "--sample-every", paramLabel = "N",
            description = "Print a sample (or the quality figure) every N steps; default a tenth of the run, 0 = never.")
    Long sampleEvery;

    @Option(names = "--chart", paramLabel = "F", description = "Loss-curve PNG (default <workload>-loss.png); none for no chart.")
    String chart;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the sampling generator (training follows the workload's seeds); default ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        require(steps >= 1, "--steps must be ≥ 1, got " + steps);
        require(every == null || every >= 1, "--every must be ≥ 1, got " + every);
        require(every == null || checkpoint != null, "--every writes a checkpoint every N steps: give --checkpoint F too");
        require(sampleEvery == null || sampleEvery >= 0, "--sample-every must be ≥ 0, got " + sampleEvery);
        require(seed >= 0, "--seed must be ≥ 0, got " + seed);
        Workload named;
        Backend<?> backendOps;
        try {
            named = Workloads.byName(workload);
            backendOps = Backends.byName(backend);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintStream out = System.out;
        WorkloadRun<?> run = named.start(backendOps);
        if (checkpoint != null) {
            try {
                run.checkpoint(); // fail now, not after hours of training
            } catch (UnsupportedOperationException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage() + "; run without --checkpoint", e);
            }
        }
        try {
            train(run, named, out, System.console() != null);
            return ExitStatus.OK;
        } catch (IOException e) {
            System.err.println("train: " + e.getMessage());
            return ExitStatus.FAILED;
        }
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private void train(WorkloadRun<?> run, Workload workload, PrintStream out, boolean terminal) throws IOException {
        long sampling = sampleEvery != null ? sampleEvery : Math.max(1, steps / 10);
        long checkpointing = every != null ? every : 0;
        String chartName = chart != null ? chart : workload.name() + "-loss.png";
        Path chartFile = chartName.equals("none") ? null : Path.of(chartName);
        out.printf(Locale.ROOT, "train: %s (%s) on %s, %,d steps%n", workload.name(), workload.description(),
                backend, steps);
        NumpyRandomState random = new NumpyRandomState(seed);
        LossCurveChart lossCurve = new LossCurveChart(workload.name() + " on " + backend, steps);
        long start = System.nanoTime();
        ProgressBar bar = new ProgressBar(out, terminal, 0, steps, start);
        for (long i = 1; i <= steps; i++) {
            double loss = run.trainStep();
            lossCurve.record(i, loss, run.smoothedLoss());
            bar.update(i, run.smoothedLoss(), System.nanoTime());
            if (sampling > 0 && i % sampling == 0 && i < steps) {
                bar.message(sampleBlock(run, random, i));
            }
            if (checkpointing > 0 && i % checkpointing == 0 && i < steps) {
                run.checkpoint().write(checkpoint);
                bar.message(String.format(Locale.ROOT, "checkpoint: %s (step %,d)", checkpoint, i));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "done: %,d steps in %.1f s (%,.0f steps/s on average); smoothed loss %.4f%n",
                steps, seconds, steps / seconds, run.smoothedLoss());
        draw(run, random, MIN_SAMPLE_CHARACTERS, MAX_SAMPLES).ifPresent(text -> out.printf("---- sample ----%n%s%n----%n",
                text.stripTrailing()));
        if (checkpoint != null) {
            run.checkpoint().write(checkpoint);
            out.println("checkpoint: " + checkpoint.toAbsolutePath());
        }
        if (chartFile != null) {
            lossCurve.write(chartFile);
            out.println("loss curve: " + chartFile.toAbsolutePath());
        }
        out.println("quality: " + run.quality());
    }

    /**
     * A sample of the model after {@code step} steps: draws until {@value #MIN_SAMPLE_CHARACTERS} characters (at
     * most {@value #MAX_SAMPLES}), or the quality figure for a workload that does not generate.
     */
    static String sampleBlock(WorkloadRun<?> run, NumpyRandomState random, long step) {
        return draw(run, random, MIN_SAMPLE_CHARACTERS, MAX_SAMPLES)
                .map(text -> String.format(Locale.ROOT, "---- sample at step %,d ----%n%s%n----", step, text.stripTrailing()))
                .orElseGet(() -> String.format(Locale.ROOT, "---- step %,d: %s ----", step, run.quality()));
    }

    /**
     * Draws samples until they hold at least {@code characters} characters or {@code maxDraws} were drawn; empty
     * when the workload does not generate.
     */
    static Optional<String> draw(WorkloadRun<?> run, NumpyRandomState random, int characters, int maxDraws) {
        StringBuilder text = new StringBuilder(run instanceof ShakespeareWorkload.Run<?> ? ShakespeareWorkload.PRIME : "");
        try {
            for (int n = 0; n < maxDraws && text.length() < characters; n++) {
                text.append(run.sample(random));
            }
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        return Optional.of(text.toString());
    }
}
