package io.retort.examples.batch;

/**
 * A reason the job cannot go on that the user must act on (the input changed since the checkpoint, it lacks the
 * header, another run of the same job is active); the message says what to do. Bad rows are never this: they go
 * to the reject file.
 */
public final class BatchJobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do about it */
    public BatchJobException(String message) {
        super(message);
    }
}
