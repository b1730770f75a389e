package io.rnnbench.benchmarks;

/** The exit statuses of every rnnbench command, documented once. */
public final class ExitStatus {
    /** Done; for compare and ab: no blocking regression. */
    public static final int OK = 0;
    /** A blocking regression (compare, ab), or a run that failed (run, advise, a file train cannot write). */
    public static final int FAILED = 1;
    /** Bad usage or bad input: an unknown option or name, a missing or malformed file. */
    public static final int USAGE = 2;

    private ExitStatus() {
    }
}
