package io.retort.examples.batch;

/**
 * How far a job has got: the byte offset and line number where its next batch starts, what it has counted so far,
 * and how long the reject file was when the last batch committed. A checkpoint is saved in the same transaction as
 * the rows of its batch, so after a crash the saved one describes exactly the rows in the table: reading resumes at
 * {@link #nextOffset()}, and the reject file is cut back to {@link #rejectsLength()}, dropping rejects of a batch
 * that never committed.
 *
 * @param job           the job's name, the key of its row in {@code batch_checkpoint}
 * @param input         the input the offsets belong to
 * @param nextOffset    where the next batch starts, in bytes from the start of the input
 * @param nextLine      the line number at {@code nextOffset}
 * @param rowsRead      data rows read (the header is not a row)
 * @param rowsUpserted  valid rows upserted, duplicates of one id included
 * @param rowsRejected  rows written to the reject file
 * @param rejectsLength the reject file's length in bytes, header included
 * @param batches       batches committed
 * @param finished      whether the whole input has been read
 */
public record Checkpoint(String job, InputIdentity input, long nextOffset, long nextLine, long rowsRead,
                         long rowsUpserted, long rowsRejected, long rejectsLength, long batches, boolean finished) {

    /**
     * @param job   the job's name
     * @param input the input it reads
     * @return a checkpoint at the start of the input, before its header
     */
    public static Checkpoint start(String job, InputIdentity input) {
        return new Checkpoint(job, input, 0, 1, 0, 0, 0, 0, 0, false);
    }

    /**
     * @param endOffset     the byte offset after the batch's last record
     * @param endLine       the line number at {@code endOffset}
     * @param read          the batch's records (header excluded)
     * @param upserted      its valid rows
     * @param rejected      its rejected rows
     * @param rejectsLength the reject file's length with the batch's rejects written
     * @return the checkpoint after one more batch
     */
    public Checkpoint after(long endOffset, long endLine, long read, long upserted, long rejected, long rejectsLength) {
        return new Checkpoint(job, input, endOffset, endLine, rowsRead + read, rowsUpserted + upserted,
                rowsRejected + rejected, rejectsLength, batches + 1, false);
    }

    /** @return this checkpoint, with the input read to its end */
    public Checkpoint asFinished() {
        return new Checkpoint(job, input, nextOffset, nextLine, rowsRead, rowsUpserted, rowsRejected, rejectsLength,
                batches, true);
    }

    /** @return whether a batch has committed, so a run resumes rather than starts */
    public boolean started() {
        return batches > 0;
    }
}
