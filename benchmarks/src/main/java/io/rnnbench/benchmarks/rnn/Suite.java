package io.rnnbench.benchmarks.rnn;

import java.util.Arrays;

/** The four benchmarks, in the order reports list them, with the JMH class that measures each. */
public enum Suite {
    /** One timestep of one layer (inference latency): {@link CellStepBenchmark}. */
    CELL_STEP("cell step", CellStepBenchmark.class),
    /** The whole sequence through the stack and the head, loss included: {@link ForwardBenchmark}. */
    FORWARD("forward", ForwardBenchmark.class),
    /** BPTT of that forward, gradients of every parameter: {@link BackwardBenchmark}. */
    BACKWARD("backward", BackwardBenchmark.class),
    /** Forward + backward + clipping + Adagrad update: {@link TrainingStepBenchmark}. */
    TRAINING_STEP("training step", TrainingStepBenchmark.class);

    private final String title;
    private final Class<?> benchmark;

    Suite(String title, Class<?> benchmark) {
        this.title = title;
        this.benchmark = benchmark;
    }

    /** The name reports use, e.g. "training step". */
    public String title() {
        return title;
    }

    /** The JMH benchmark class. */
    public Class<?> benchmarkClass() {
        return benchmark;
    }

    /**
     * The suite of a JMH benchmark name such as {@code io.rnnbench.benchmarks.rnn.ForwardBenchmark.forward}.
     *
     * @throws IllegalArgumentException when the name is none of the four
     */
    public static Suite ofBenchmark(String benchmarkMethod) {
        int lastDot = benchmarkMethod.lastIndexOf('.');
        String className = lastDot < 0 ? benchmarkMethod : benchmarkMethod.substring(0, lastDot);
        return Arrays.stream(values())
                .filter(s -> s.benchmark.getName().equals(className))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an RNN benchmark: " + benchmarkMethod
                        + "; expected a method of " + Arrays.stream(values()).map(s -> s.benchmark.getSimpleName()).toList()));
    }
}
