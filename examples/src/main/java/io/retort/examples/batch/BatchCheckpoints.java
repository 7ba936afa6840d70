package io.retort.examples.batch;

import io.retort.schema.Column;
import io.retort.schema.Table;

import java.time.OffsetDateTime;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.BOOLEAN;
import static io.retort.type.SqlTypes.TIMESTAMPTZ;
import static io.retort.type.SqlTypes.charType;
import static io.retort.type.SqlTypes.varchar;

/**
 * One row per job: how far it has got through its input. The row is updated in the transaction of every batch, so
 * it always describes exactly the rows committed; see {@link Checkpoint}.
 */
public final class BatchCheckpoints extends Table {
    public static final BatchCheckpoints BATCH_CHECKPOINTS = new BatchCheckpoints();
    public final Column<String> JOB = column("job", varchar(100), primaryKey());
    public final Column<String> INPUT_NAME = column("input_name", varchar(1000), notNull());
    public final Column<Long> INPUT_SIZE = column("input_size", BIGINT, notNull());
    public final Column<String> INPUT_SHA256 = column("input_sha256", charType(64), notNull());
    public final Column<Long> NEXT_OFFSET = column("next_offset", BIGINT, notNull());
    public final Column<Long> NEXT_LINE = column("next_line", BIGINT, notNull());
    public final Column<Long> ROWS_READ = column("rows_read", BIGINT, notNull());
    public final Column<Long> ROWS_UPSERTED = column("rows_upserted", BIGINT, notNull());
    public final Column<Long> ROWS_REJECTED = column("rows_rejected", BIGINT, notNull());
    public final Column<Long> REJECTS_LENGTH = column("rejects_length", BIGINT, notNull());
    public final Column<Long> BATCHES = column("batches", BIGINT, notNull());
    public final Column<Boolean> FINISHED = column("finished", BOOLEAN, notNull());
    public final Column<OffsetDateTime> UPDATED_AT = column("updated_at", TIMESTAMPTZ, notNull());

    private BatchCheckpoints() {
        super("batch_checkpoint");
    }
}
