package io.rnnbench.benchmarks.cli;

import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Trains a named workload on a named backend, for people: a progress bar (step, smoothed loss, steps/s, ETA),
 * samples at intervals, a loss-curve PNG and a checkpoint at the end.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.rnnbench.benchmarks.cli.Train --workload shakespeare
 * --steps 20000 [--backend raw] [--checkpoint out.npz] [--every 500] [--sample-every 2000] [--chart loss.png|none]
 * [--seed 0]}.
 * <ul>
 *   <li>{@code --checkpoint F}: written at the end, and every {@code --every} steps when given (atomically: an
 *       interrupted run leaves the previous checkpoint whole); {@link Sample} reads it;</li>
 *   <li>{@code --sample-every N} (default: a tenth of the run; 0 = never): workloads that generate (shakespeare*,
 *       dinos, words) print a sample, drawn from one generator seeded with {@code --seed}; the others print their
 *       quality figure;</li>
 *   <li>{@code --chart} (default {@code <workload>-loss.png}; {@code none} for no chart): per-step and smoothed loss.</li>
 * </ul>
 * Exit status 0 when done, {@value Flags#USAGE_ERROR} for bad arguments (an unknown workload or backend: the message
 * lists the known names), 1 when a file cannot be written.
 */
public final class Train {
    static final Set<String> FLAGS = new LinkedHashSet<>(List.of("workload", "backend", "steps", "checkpoint", "every",
            "sample-every", "chart", "seed"));
    static final String USAGE = "usage: Train --workload NAME --steps N [--backend raw] [--checkpoint F] [--every N]"
            + " [--sample-every N] [--chart loss.png|none] [--seed 0]";
    static final String DEFAULT_BACKEND = "raw";
    /** Samples shorter than this (a dinosaur name) are drawn again, up to {@value #MAX_SAMPLES} times, for one block. */
    static final int MIN_SAMPLE_CHARACTERS = 80;
    static final int MAX_SAMPLES = 8;

    /** What the command line asks for. */
    record Options(String workload, String backend, long steps, Path checkpoint, long every, long sampleEvery,
                   Path chart, long seed) {

        static Options parse(String[] args) {
            Flags flags = Flags.parse(args, FLAGS, List.of("workload", "steps"));
            long steps = flags.integer("steps", 0, 1);
            Path checkpoint = flags.has("checkpoint") ? Path.of(flags.string("checkpoint", null)) : null;
            long every = flags.integer("every", 0, 1);
            if (every > 0 && checkpoint == null) {
                throw new IllegalArgumentException("--every writes a checkpoint every N steps: give --checkpoint F too");
            }
            String workload = flags.string("workload", null);
            String chart = flags.string("chart", workload + "-loss.png");
            return new Options(workload, flags.string("backend", DEFAULT_BACKEND), steps, checkpoint, every,
                    flags.integer("sample-every", Math.max(1, steps / 10), 0),
                    chart.equals("none") ? null : Path.of(chart), flags.integer("seed", 0, 0));
        }
    }

    private Train() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /**
     * Runs the command.
     *
     * @param terminal whether {@code out} is a console (progress redrawn on one line) or not (plain lines)
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        Options options;
        Workload workload;
        Backend<?> backend;
        try {
            options = Options.parse(args);
            workload = Workloads.byName(options.workload());
            backend = Backends.byName(options.backend());
        } catch (IllegalArgumentException e) {
            err.println("train: " + e.getMessage());
            err.println(USAGE);
            return Flags.USAGE_ERROR;
        }
        WorkloadRun<?> run = workload.start(backend);
        if (options.checkpoint() != null) {
            try {
                run.checkpoint(); // fail now, not after hours of training
            } catch (UnsupportedOperationException e) {
                err.println("train: " + e.getMessage() + "; run without --checkpoint");
                return Flags.USAGE_ERROR;
            }
        }
        try {
            train(run, workload, options, out, terminal);
            return 0;
        } catch (IOException e) {
            err.println("train: " + e.getMessage());
            return 1;
        }
    }

    private static void train(WorkloadRun<?> run, Workload workload, Options options, PrintStream out, boolean terminal)
            throws IOException {
        out.printf(Locale.ROOT, "train: %s (%s) on %s, %,d steps%n", workload.name(), workload.description(),
                options.backend(), options.steps());
        NumpyRandomState random = new NumpyRandomState(options.seed());
        LossCurveChart chart = new LossCurveChart(workload.name() + " on " + options.backend(), options.steps());
        long start = System.nanoTime();
        ProgressBar bar = new ProgressBar(out, terminal, 0, options.steps(), start);
        for (long i = 1; i <= options.steps(); i++) {
            double loss = run.trainStep();
            chart.record(i, loss, run.smoothedLoss());
            bar.update(i, run.smoothedLoss(), System.nanoTime());
            if (options.sampleEvery() > 0 && i % options.sampleEvery() == 0 && i < options.steps()) {
                bar.message(sampleBlock(run, random, i));
            }
            if (options.every() > 0 && i % options.every() == 0 && i < options.steps()) {
                run.checkpoint().write(options.checkpoint());
                bar.message(String.format(Locale.ROOT, "checkpoint: %s (step %,d)", options.checkpoint(), i));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "done: %,d steps in %.1f s (%,.0f steps/s on average); smoothed loss %.4f%n",
                options.steps(), seconds, options.steps() / seconds, run.smoothedLoss());
        draw(run, random, MIN_SAMPLE_CHARACTERS, MAX_SAMPLES).ifPresent(text -> out.printf("---- sample ----%n%s%n----%n",
                text.stripTrailing()));
        if (options.checkpoint() != null) {
            run.checkpoint().write(options.checkpoint());
            out.println("checkpoint: " + options.checkpoint().toAbsolutePath());
        }
        if (options.chart() != null) {
            chart.write(options.chart());
            out.println("loss curve: " + options.chart().toAbsolutePath());
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
