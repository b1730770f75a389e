package io.rnnbench.benchmarks.run;

import io.rnnbench.benchmarks.grid.GridPoint;

/** Runs one fork (one JVM) of one grid point. */
@FunctionalInterface
public interface ForkRunner {

    /**
     * Runs fork number {@code fork} (1, 2, …) of {@code point}.
     *
     * @return the fork's time per operation in seconds: the mean of its measurement iterations
     * @throws ForkFailedException when the fork fails; the run stops
     */
    double run(GridPoint point, int fork) throws ForkFailedException;

    /** A fork that did not produce a result, with what went wrong. */
    final class ForkFailedException extends Exception {
        public ForkFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
