package io.rnnbench.benchmarks;

import io.rnnbench.core.probe.AllocationProbe;
import io.rnnbench.core.spi.Backends;

import java.time.Duration;

/**
 * Before JMH's warm-up, runs a benchmark's operation until its code is compiled, for the backends that allocate
 * nothing per operation once compiled ({@code BackendProvider.allocationFree}): the first call that allocates
 * nothing on this thread is the sign ({@link AllocationProbe}). Until then, {@code raw-simd}'s Vector API code runs
 * boxed, 10–100 times slower and allocating on every vector operation; the boxed code runs so few calls that on a
 * loaded machine C2 sometimes compiled it only after the fork's 1 s warm-up, or not within the fork at all, and the
 * fork measured the boxed code (DESIGN-NOTES.md §6). JMH's warm-up then runs as for every other backend.
 *
 * <p>Other backends are left alone: Commons Math and EJML's threaded products allocate by design, so allocation
 * says nothing about them, and their code runs at a few times its compiled speed before C2, which JMH's warm-up
 * covers.
 */
public final class CompiledStart {
    /** Longest wait; a fork that reaches it is measured anyway, and the report flags its row by its allocation. */
    public static final Duration LIMIT = Duration.ofSeconds(10);

    private CompiledStart() {
    }

    /**
     * Runs {@code operation} until one call allocates nothing on this thread or {@link #LIMIT} has passed, if
     * {@code backend} is allocation-free; says on standard output (the fork's log) what happened.
     *
     * @param backend   the registry name of the backend the operation runs on
     * @param operation one call of the benchmark's measured operation
     */
    public static void await(String backend, Runnable operation) {
        if (Backends.allocationFree().contains(backend)) {
            AllocationProbe.Outcome outcome = AllocationProbe.untilAllocationFree(operation, LIMIT);
            System.out.println("# " + backend + ": " + (outcome.allocationFree() ? "compiled, " + outcome
                    : outcome + ": measuring anyway (not compiled yet, or compiled code that allocates; the report "
                            + "flags the row)"));
        }
    }
}
