package io.rnnbench.benchmarks;

import io.rnnbench.core.spi.Backends;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Before JMH's warm-up, runs a benchmark's operation until its code is compiled, for the backends that allocate
 * nothing per operation once compiled ({@code BackendProvider.allocationFree}): the first call that allocates
 * nothing on this thread is the sign. Until then, {@code raw-simd}'s Vector API code runs boxed, 10–100 times
 * slower and allocating on every vector operation; the boxed code runs so few calls that on a loaded machine C2
 * sometimes compiled it only after the fork's 1 s warm-up, or not within the fork at all, and the fork measured
 * the boxed code (DESIGN-NOTES.md §6). JMH's warm-up then runs as for every other backend.
 *
 * <p>Other backends are left alone: their libraries allocate by design, so allocation says nothing about them, and
 * their code runs at a few times its compiled speed before C2, which JMH's warm-up covers.
 */
public final class CompiledStart {
    /** Longest wait; a fork that reaches it is measured anyway, and the report flags its row by its allocation. */
    public static final Duration LIMIT = Duration.ofSeconds(20);

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
            System.out.println("# " + backend + ": " + untilAllocationFree(operation, LIMIT));
        }
    }

    /** Runs {@code operation} until one call allocates nothing on this thread or {@code limit} has passed. */
    static Outcome untilAllocationFree(Runnable operation, Duration limit) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        int calls = 0;
        long allocated;
        do {
            long before = threads.getCurrentThreadAllocatedBytes();
            operation.run();
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
            calls++;
        } while (allocated > 0 && System.nanoTime() - deadline < 0);
        return new Outcome(calls, allocated, (System.nanoTime() - start) / 1e9);
    }

    /**
     * @param calls     how many calls ran
     * @param allocated bytes the last call allocated on the calling thread: 0 unless the limit was reached
     * @param seconds   how long they took
     */
    record Outcome(int calls, long allocated, double seconds) {
        boolean compiled() {
            return allocated == 0;
        }

        @Override
        public String toString() {
            return compiled()
                    ? String.format(Locale.ROOT, "compiled (a call allocated nothing) after %d call%s, %.1f s", calls, calls == 1 ? "" : "s", seconds)
                    : String.format(Locale.ROOT, "the last of %d calls in %.1f s still allocated %,d bytes: measuring code "
                            + "that C2 has not compiled yet", calls, seconds, allocated);
        }
    }
}
