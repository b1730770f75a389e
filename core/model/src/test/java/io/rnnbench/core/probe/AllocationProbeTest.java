package io.rnnbench.core.probe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocationProbeTest {
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
        AllocationProbe.Outcome outcome = AllocationProbe.untilAllocationFree(allocatesFiveTimes, Duration.ofMinutes(1));
        assertEquals(6, outcome.calls());
        assertEquals(6, calls.get());
        assertTrue(outcome.allocationFree(), outcome.toString());
        assertTrue(outcome.toString().startsWith("a call allocated nothing after 6 calls"), outcome.toString());
    }

    @Test
    void givesUpAtTheLimitAndSaysHowMuchTheLastCallAllocated() {
        Runnable alwaysAllocates = () -> sink = new double[1024];
        long start = System.nanoTime();
        AllocationProbe.Outcome outcome = AllocationProbe.untilAllocationFree(alwaysAllocates, Duration.ofMillis(50));
        assertTrue(System.nanoTime() - start >= 50_000_000L);
        assertFalse(outcome.allocationFree());
        assertTrue(outcome.allocated() >= 1024 * Double.BYTES, outcome.toString());
        assertTrue(outcome.calls() > 1);
        assertTrue(outcome.toString().contains("still allocated"), outcome.toString());
    }
}
