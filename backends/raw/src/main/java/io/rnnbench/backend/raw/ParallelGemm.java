package io.rnnbench.backend.raw;

import io.rnnbench.core.spi.Transpose;

import java.lang.ref.Cleaner;
import java.util.concurrent.locks.LockSupport;

/**
 * GEMM on two threads: C's columns split between the calling thread and one worker thread, each with its own
 * {@link RawGemm} (its own packing buffers and kept operand, so each packs, and keeps, only its own columns of
 * op(B)). Every entry of C is computed by one thread, in the same order as on one thread, so the results are
 * bit-identical to the one-thread backend's (tested).
 *
 * <p>A product under {@value #MIN_PARALLEL} multiply-adds stays on the calling thread: waking the worker costs
 * microseconds, as much as a whole product at batch 1; both threads spin for {@link Worker#SPINS} iterations
 * before they park, because waking a parked thread takes longer than the time between two per-step products
 * (DESIGN-NOTES.md §7, §10). The hand-over is a volatile state, {@link LockSupport}'s park and unpark and reused
 * fields: no allocation per call (a {@code Semaphore} allocates a queue node each time a thread waits). The worker
 * is a daemon thread, started by the first product that is split, and stopped (interrupted) when this object is
 * garbage collected: backends made and dropped, as tests do, leave no thread behind. <b>Not thread-safe</b>: one caller at a time, like {@link RawBackend}.
 */
final class ParallelGemm implements Gemm {
    /**
     * m·n·k below which a product runs on the calling thread only: below it the hand-over costs more than the
     * second thread saves, as the {@code char} LSTM step, whose largest product is [128, 25]·[25, 512] (1.6 M),
     * showed (DESIGN-NOTES.md §10).
     */
    static final long MIN_PARALLEL = 1L << 21;
    private static final Cleaner CLEANER = Cleaner.create();

    private final RawGemm own;
    /** The worker's half; it holds no reference back to this object, so that this object can be collected. */
    private final Worker worker;

    ParallelGemm(TileKernel kernel) {
        own = new RawGemm(kernel);
        worker = new Worker(new RawGemm(kernel));
        CLEANER.register(this, worker::stop);
    }

    @Override
    public void gemm(double alpha, RawMatrix a, Transpose opA, RawMatrix b, Transpose opB, double beta, RawMatrix c) {
        int m = c.rows;
        int n = c.cols;
        int k = opA == Transpose.N ? a.cols : a.rows;
        if (alpha == 0.0 || (long) m * n * k < MIN_PARALLEL || n < 16) {
            own.gemm(alpha, a, opA, b, opB, beta, c);
            return;
        }
        double[] cData = RawGemm.prepareC(alpha, beta, c); // not null: α ≠ 0 here
        boolean overwrite = beta == 0.0;
        int split = (n / 2 + 7) & ~7; // a multiple of 8 doubles: the two threads' columns meet on a 64-byte boundary
        worker.submit(alpha, a, opA, b, opB, overwrite, cData, m, n, split);
        try {
            own.multiplyAdd(alpha, a, opA, b, opB, overwrite, cData, m, n, 0, split);
        } finally {
            worker.await();
        }
    }

    /** The worker thread's side: columns split .. n of the product handed over by {@link #submit}. */
    private static final class Worker implements Runnable {
        private static final int IDLE = 0;
        private static final int SUBMITTED = 1;
        private static final int DONE = 2;
        /**
         * Spin-wait iterations before parking: waking a parked thread takes longer than a per-step product of
         * {@code medium}, so both sides spin for about the time between two such products (DESIGN-NOTES.md §10).
         */
        private static final int SPINS = 20_000;

        private final RawGemm gemm;
        /** IDLE → SUBMITTED (caller) → DONE (worker) → IDLE (caller); each write publishes the fields before it. */
        private volatile int state = IDLE;
        private volatile Thread thread;
        private Thread caller;

        // The product, written before state = SUBMITTED; the failure, written before state = DONE.
        private double alpha;
        private RawMatrix a;
        private Transpose opA;
        private RawMatrix b;
        private Transpose opB;
        private boolean overwrite;
        private double[] c;
        private int m;
        private int n;
        private int split;
        private Throwable failure;

        Worker(RawGemm gemm) {
            this.gemm = gemm;
        }

        void submit(double alpha, RawMatrix a, Transpose opA, RawMatrix b, Transpose opB, boolean overwrite, double[] c,
                    int m, int n, int split) {
            if (thread == null) {
                Thread t = new Thread(this, "rnnbench-gemm-worker");
                t.setDaemon(true);
                thread = t;
                t.start();
            }
            this.caller = Thread.currentThread();
            this.alpha = alpha;
            this.a = a;
            this.opA = opA;
            this.b = b;
            this.opB = opB;
            this.overwrite = overwrite;
            this.c = c;
            this.m = m;
            this.n = n;
            this.split = split;
            this.failure = null;
            state = SUBMITTED;
            LockSupport.unpark(thread);
        }

        /** Waits for the worker's columns (spinning a while first: see {@link #SPINS}); rethrows what it threw. */
        void await() {
            for (int spin = 0; state != DONE && spin < SPINS; spin++) {
                Thread.onSpinWait();
            }
            while (state != DONE) {
                LockSupport.park(this);
            }
            state = IDLE;
            a = null;
            b = null;
            c = null;
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }

        @Override
        public void run() {
            while (true) {
                for (int spin = 0; state != SUBMITTED && spin < SPINS; spin++) {
                    Thread.onSpinWait();
                }
                while (state != SUBMITTED) {
                    LockSupport.park(this);
                    if (Thread.currentThread().isInterrupted()) {
                        return; // stopped: the backend was collected
                    }
                }
                try {
                    gemm.multiplyAdd(alpha, a, opA, b, opB, overwrite, c, m, n, split, n);
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    state = DONE;
                    LockSupport.unpark(caller);
                }
            }
        }

        void stop() {
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }
}
