package io.retort.examples.batch;

import io.retort.engine.Row;
import io.retort.jdbc.Connection;
import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.update;
import static io.retort.examples.batch.BatchCheckpoints.BATCH_CHECKPOINTS;

/**
 * Reads and writes the {@code batch_checkpoint} row of a job. {@link #advance} is meant to run inside a batch's
 * transaction, and only moves the row on from the checkpoint the caller last saw, so two runs of one job at once
 * cannot both commit the same batch: the second finds the row moved and rolls back.
 */
public final class CheckpointStore {
    private static final BatchCheckpoints T = BATCH_CHECKPOINTS;

    /**
     * @param c   a connection
     * @param job the job's name
     * @return its checkpoint, or {@code null} when the job never ran
     */
    public @Nullable Checkpoint load(Connection c, String job) {
        Row row = c.execute(select(T.JOB, T.INPUT_NAME, T.INPUT_SIZE, T.INPUT_SHA256, T.NEXT_OFFSET, T.NEXT_LINE, T.ROWS_READ,
                T.ROWS_UPSERTED, T.ROWS_REJECTED, T.REJECTS_LENGTH, T.BATCHES, T.FINISHED).from(T).where(T.JOB.eq(job)))
                .oneOrNull();
        if (row == null) {
            return null;
        }
        return new Checkpoint(job, new InputIdentity(row.get(T.INPUT_NAME), row.get(T.INPUT_SIZE), row.get(T.INPUT_SHA256)),
                row.get(T.NEXT_OFFSET), row.get(T.NEXT_LINE), row.get(T.ROWS_READ), row.get(T.ROWS_UPSERTED),
                row.get(T.ROWS_REJECTED), row.get(T.REJECTS_LENGTH), row.get(T.BATCHES), row.get(T.FINISHED));
    }

    /**
     * @param c          a connection
     * @param checkpoint a new job's first checkpoint
     */
    public void insert(Connection c, Checkpoint checkpoint) {
        c.execute(insertInto(T)
                .set(T.JOB, checkpoint.job())
                .set(T.INPUT_NAME, checkpoint.input().name())
                .set(T.INPUT_SIZE, checkpoint.input().size())
                .set(T.INPUT_SHA256, checkpoint.input().sha256())
                .set(T.NEXT_OFFSET, checkpoint.nextOffset())
                .set(T.NEXT_LINE, checkpoint.nextLine())
                .set(T.ROWS_READ, checkpoint.rowsRead())
                .set(T.ROWS_UPSERTED, checkpoint.rowsUpserted())
                .set(T.ROWS_REJECTED, checkpoint.rowsRejected())
                .set(T.REJECTS_LENGTH, checkpoint.rejectsLength())
                .set(T.BATCHES, checkpoint.batches())
                .set(T.FINISHED, checkpoint.finished())
                .set(T.UPDATED_AT, now()));
    }

    /**
     * Moves a job's row from one checkpoint to the next.
     *
     * @param c    a connection, in the transaction that writes the batch
     * @param from the checkpoint the batch started from
     * @param to   the checkpoint after the batch
     * @throws BatchJobException if the row is no longer at {@code from}: another run of the job moved it
     */
    public void advance(Connection c, Checkpoint from, Checkpoint to) {
        long updated = c.execute(update(T)
                .set(T.NEXT_OFFSET, to.nextOffset())
                .set(T.NEXT_LINE, to.nextLine())
                .set(T.ROWS_READ, to.rowsRead())
                .set(T.ROWS_UPSERTED, to.rowsUpserted())
                .set(T.ROWS_REJECTED, to.rowsRejected())
                .set(T.REJECTS_LENGTH, to.rejectsLength())
                .set(T.BATCHES, to.batches())
                .set(T.FINISHED, to.finished())
                .set(T.UPDATED_AT, now())
                .where(T.JOB.eq(from.job()).and(T.BATCHES.eq(from.batches())).and(T.FINISHED.eq(from.finished()))))
                .rowCount();
        if (updated != 1) {
            throw new BatchJobException("The checkpoint of job [" + from.job() + "] moved while this run was writing batch "
                    + to.batches() + ": another run of the same job is active. This run's batch is rolled back; let one run "
                    + "finish, or give each its own --checkpoint name and input");
        }
    }

    /**
     * @param c   a connection
     * @param job the job whose checkpoint to forget, so that it starts from the beginning
     */
    public void delete(Connection c, String job) {
        c.execute(deleteFrom(T).where(T.JOB.eq(job)));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
