package io.rnnbench.workloads.checkpoint;

import java.io.IOException;

/** A checkpoint that cannot be read or does not fit: the message names the file, the entry and what is wrong. */
public final class CheckpointException extends IOException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
