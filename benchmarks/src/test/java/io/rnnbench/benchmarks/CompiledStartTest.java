package io.rnnbench.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompiledStartTest {

    @Test
    void runsTheOperationOfAnAllocationFreeBackend() {
        AtomicInteger calls = new AtomicInteger();
        CompiledStart.await("raw", calls::incrementAndGet);
        assertEquals(1, calls.get()); // incrementing allocates nothing: the first call is the last
    }

    @Test
    void leavesBackendsThatAllocateByDesignAlone() {
        AtomicInteger calls = new AtomicInteger();
        CompiledStart.await("commons-math", calls::incrementAndGet);
        CompiledStart.await("no-such-backend", calls::incrementAndGet);
        assertEquals(0, calls.get());
    }
}
