package io.rnnbench.backend.raw;

import io.rnnbench.core.spi.Transpose;
import java.util.concurrent.Semaphore;

/**
 * The {@code raw-mt} GEMM: the same blocked kernel, with C's columns split between the calling thread and one
 * worker thread, each with its own {@link RawGemm} (its own packing buffers; op(B) is packed once in total, each
 * thread packing its own columns). Every entry of C is computed by one thread in the same order as
 * single-threaded, so results are bit-identical to {@code raw}.
 *
 * <p>Products under {@value #MIN_PARALLEL_FLOP} multiply-adds stay on the calling thread: the hand-off costs a
 * few microseconds. The hand-off uses two semaphores and reused fields, so a call allocates nothing.
 * <b>Not thread-safe</b> (one caller at a time), like {@link RawBackend}; the worker is a daemon thread.
 */
final class ParallelGemm {
    /** Below this m·n·k the product runs on the calling thread alone. */
    static final long MIN_PARALLEL_FLOP = 1L << 18;

    private final RawGemm own = new RawGemm();
    private final RawGemm other = new RawGemm();
    private final Semaphore start = new Semaphore(0);
    private final Semaphore done = new Semaphore(0);
    private final Thread worker;

    // The worker's half, published by start.release() and read after start.acquire() (happens-before).
    private double alpha;
    private RawMatrix a;
    private Transpose opA;
    private RawMatrix b;
    private Transpose opB;
    private RawMatrix c;
    private int j0;
    private int j1;
    private RuntimeException failure;

    ParallelGemm() {
        worker = new Thread(this::work, "rnnbench-raw-mt-gemm");
        worker.setDaemon(true);
        worker.start();
    }

    void gemm(double alpha, RawMatrix a, Transpose opA, RawMatrix b, Transpose opB, double beta, RawMatrix c) {
        RawGemm.scaleC(beta, c);
        int n = c.cols;
        int k = opA == Transpose.N ? a.cols : a.rows;
        if ((long) c.rows * n * k < MIN_PARALLEL_FLOP || n < 16) {
            own.multiplyAdd(alpha, a, opA, b, opB, c, 0, n);
            return;
        }
        int split = (n / 2 + 7) & ~7; // a multiple of 8 doubles: each thread's columns start on a 64-byte boundary
        this.alpha = alpha;
        this.a = a;
        this.opA = opA;
        this.b = b;
        this.opB = opB;
        this.c = c;
        this.j0 = split;
        this.j1 = n;
        this.failure = null;
        start.release();
        try {
            own.multiplyAdd(alpha, a, opA, b, opB, c, 0, split);
        } finally {
            done.acquireUninterruptibly();
            this.a = null;
            this.b = null;
            this.c = null;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void work() {
        while (true) {
            start.acquireUninterruptibly();
            try {
                other.multiplyAdd(alpha, a, opA, b, opB, c, j0, j1);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                done.release();
            }
        }
    }
}
