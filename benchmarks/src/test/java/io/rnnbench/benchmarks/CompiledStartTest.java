package io.rnnbench.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompiledStartTest {
    /** Where the allocating operations put their arrays, so that no compiler can leave the allocation out. */
    static volatile Object sink;

    @Test
    void stopsAtTheFirstCallThatAllocatesNothing() {
        AtomicInteger calls = new AtomicInteger();
        Runnable allocatesFiveTimes = () -> {
            if (calls.incrementAndGet() <= 5) {
                sink = new double[1024];
            }
        };
        CompiledStart.Outcome outcome = CompiledStart.untilAllocationFree(allocatesFiveTimes, Duration.ofMinutes(1));
        assertEquals(6, outcome.calls());
        assertEquals(6, calls.get());
        assertTrue(outcome.compiled(), outcome.toString());
        assertTrue(outcome.toString().startsWith("compiled (a call allocated nothing) after 6 calls"), outcome.toString());
    }

    @Test
    void givesUpAtTheLimitAndSaysHowMuchTheLastCallAllocated() {
        Runnable alwaysAllocates = () -> sink = new double[1024];
        long start = System.nanoTime();
        CompiledStart.Outcome outcome = CompiledStart.untilAllocationFree(alwaysAllocates, Duration.ofMillis(50));
        assertTrue(System.nanoTime() - start >= 50_000_000L);
        assertFalse(outcome.compiled());
        assertTrue(outcome.allocated() >= 1024 * Double.BYTES, outcome.toString());
        assertTrue(outcome.calls() > 1);
        assertTrue(outcome.toString().contains("still allocated"), outcome.toString());
    }

    @Test
    void leavesBackendsThatAllocateByDesignAlone() {
        AtomicInteger calls = new AtomicInteger();
        CompiledStart.await("ejml", calls::incrementAndGet);
        CompiledStart.await("no-such-backend", calls::incrementAndGet);
        assertEquals(0, calls.get());
    }

    @Test
    void runsTheOperationOfAnAllocationFreeBackend() {
        AtomicInteger calls = new AtomicInteger();
        CompiledStart.await("raw", calls::incrementAndGet);
        assertEquals(1, calls.get()); // incrementing allocates nothing: the first call is the last
    }
}
