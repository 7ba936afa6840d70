package io.retort.examples.batch;

import java.nio.file.Path;

/**
 * What one run of the import is asked to do (the {@code run} command's options).
 *
 * @param job              the checkpoint's name: its row in {@code batch_checkpoint}
 * @param input            the customers CSV file
 * @param rejects          the reject file
 * @param batchSize        input records per transaction
 * @param maxBatches       stop after this many batches (0: run to the end); a later run resumes
 * @param maxRowsPerSecond read no faster than this (0: as fast as possible), to spare a shared database
 * @param restart          forget the checkpoint and start from the first line
 */
public record JobSettings(String job, Path input, Path rejects, int batchSize, long maxBatches, long maxRowsPerSecond,
                          boolean restart) {

    /** Checks the numbers, so a typo fails before the database is touched. */
    public JobSettings {
        if (job.isBlank() || job.length() > 100) {
            throw new IllegalArgumentException("The checkpoint name must be 1 to 100 characters, not [" + job + "]");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, not " + batchSize);
        }
        if (maxBatches < 0 || maxRowsPerSecond < 0) {
            throw new IllegalArgumentException("--max-batches and --max-rows-per-second must not be negative");
        }
    }
}
