package io.rnnbench.core.probe;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs an operation until one call allocates nothing on the calling thread: how a {@linkplain
 * BackendProvider#allocationFree() backend that allocates nothing once compiled} is seen to be compiled. Until C2
 * has compiled the hot code, calls may allocate: interpreted and C1 code box every Java Vector API vector, and
 * short-lived objects are only removed by C2's escape analysis. The verification suite holds the claim with it, and
 * the benchmarks wait with it before they measure. Counts this thread only
 * ({@code com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes}).
 */
public final class AllocationProbe {
    private AllocationProbe() {
    }

    /** Runs {@code operation} until one call allocates nothing on this thread, or until {@code limit} has passed. */
    public static Outcome untilAllocationFree(Runnable operation, Duration limit) {
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
    public record Outcome(int calls, long allocated, double seconds) {
        /** Whether the last call allocated nothing. */
        public boolean allocationFree() {
            return allocated == 0;
        }

        @Override
        public String toString() {
            return allocationFree()
                    ? String.format(Locale.ROOT, "a call allocated nothing after %d call%s, %.1f s", calls, calls == 1 ? "" : "s", seconds)
                    : String.format(Locale.ROOT, "the last of %d calls in %.1f s still allocated %,d bytes", calls, seconds, allocated);
        }
    }
}
