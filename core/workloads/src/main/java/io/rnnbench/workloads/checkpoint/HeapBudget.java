package io.rnnbench.workloads.checkpoint;

/**
 * Refuses an allocation the heap cannot hold, so that a file declaring a huge array gets a message rather than an
 * {@link OutOfMemoryError}.
 */
final class HeapBudget {
    /** Room kept for everything else the JVM is doing. */
    private static final long RESERVE = 16L << 20;

    private HeapBudget() {
    }

    /** Requires {@code bytes} to fit in the heap this JVM may still grow to, less a reserve. */
    static void require(long bytes, String what) throws CheckpointException {
        Runtime runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory()) - RESERVE;
        if (bytes > available) {
            throw new CheckpointException(what + " needs " + mib(bytes) + " MiB, more than the " + mib(Math.max(available, 0))
                    + " MiB this JVM has left (-Xmx " + mib(runtime.maxMemory()) + " MiB)");
        }
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }
}
