package io.retort.examples.batch;

import io.retort.jdbc.Connection;
import io.retort.jdbc.Engine;
import io.retort.schema.MetaData;
import io.retort.statement.Assignment;
import io.retort.statement.Insert;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.retort.Sql.count;
import static io.retort.Sql.excluded;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.set;
import static io.retort.examples.batch.BatchCheckpoints.BATCH_CHECKPOINTS;
import static io.retort.examples.batch.Customers.CUSTOMERS;

/**
 * The import: reads the customers CSV from where its checkpoint says, validates every record, writes the bad ones to
 * the reject file, and upserts the good ones in batches, each batch in one transaction together with the checkpoint
 * that follows it. The run either commits a batch and its checkpoint, or neither; so whenever it stops (an error, a
 * kill, a power cut), the next run resumes after the last committed batch, without a row twice or a row missing.
 *
 * <p>The rows of a batch go out as multi-row upserts of up to {@value #ROWS_PER_STATEMENT} rows
 * ({@code INSERT ... VALUES (...), (...) ON CONFLICT (id) DO UPDATE}, a {@code MERGE} on H2): one round trip and one
 * plan per thousand rows is several times faster than a JDBC batch of one-row upserts. Within a batch only the last
 * row of each id is sent, since one statement may not update a row twice.
 */
public final class ImportJob {
    /** The job's tables; {@link #run()} creates them when they are missing. */
    public static final MetaData METADATA = MetaData.of(CUSTOMERS, BATCH_CHECKPOINTS);

    private static final Customers C = CUSTOMERS;
    private static final Assignment<?>[] UPDATE_ALL_BUT_ID = {set(C.EMAIL, excluded(C.EMAIL)), set(C.NAME, excluded(C.NAME)),
            set(C.COUNTRY, excluded(C.COUNTRY)), set(C.AMOUNT, excluded(C.AMOUNT)), set(C.UPDATED_AT, excluded(C.UPDATED_AT)),
            set(C.SOURCE_LINE, excluded(C.SOURCE_LINE))};
    /** Rows per upsert statement: 7,000 parameters, well under PostgreSQL's limit of 32,767 per statement. */
    static final int ROWS_PER_STATEMENT = 1_000;
    /** The throttle looks at the clock once per this many rows. */
    private static final int PACE_EVERY = 64;

    private final Engine engine;
    private final JobSettings settings;
    private final ProgressReporter progress;
    private final PrintStream out;
    private final CustomerValidator validator = new CustomerValidator();
    private final CheckpointStore checkpoints = new CheckpointStore();

    /**
     * @param engine   the database
     * @param settings what to import, and how
     * @param progress how to show progress
     * @param out      where the start and end of the run are reported
     */
    public ImportJob(Engine engine, JobSettings settings, ProgressReporter progress, PrintStream out) {
        this.engine = engine;
        this.settings = settings;
        this.progress = progress;
        this.out = out;
    }

    /**
     * Runs the import to the end of the input (or for {@link JobSettings#maxBatches()} batches).
     *
     * @return what this run did, and the totals of all runs
     * @throws IOException          if the input or the reject file cannot be read or written
     * @throws InterruptedException if the thread is interrupted while throttled
     * @throws BatchJobException    if the input is not the one the checkpoint was written for, lacks its header, or
     *                              another run of the job is active
     */
    public JobSummary run() throws IOException, InterruptedException {
        if (!Files.isRegularFile(settings.input())) {
            throw new BatchJobException("The input " + settings.input() + " does not exist; write one with: generate --output "
                    + settings.input());
        }
        engine.createAll(METADATA);
        InputIdentity input = InputIdentity.of(settings.input());
        try (Connection c = engine.connect()) {
            Checkpoint start = c.inTransaction(tx -> startingPoint(tx, input));
            if (start.finished()) {
                out.println("job [" + settings.job() + "] has already imported " + input.name() + "; nothing to do "
                        + "(--restart imports it again)");
                return new JobSummary(settings, start, start, Duration.ZERO, JobSummary.Outcome.ALREADY_FINISHED,
                        customers(c));
            }
            out.println(start.started()
                    ? "resuming job [" + settings.job() + "] at line " + HumanFormat.count(start.nextLine()) + " of "
                            + input.name() + " (byte " + HumanFormat.count(start.nextOffset()) + "), after "
                            + HumanFormat.count(start.rowsRead()) + " rows in " + start.batches() + " committed batches"
                    : "starting job [" + settings.job() + "] on " + input.name() + " (" + HumanFormat.count(input.size())
                            + " bytes), batches of " + HumanFormat.count(settings.batchSize()) + " rows, into " + engine);
            long startNanos = System.nanoTime();
            Checkpoint end = importBatches(c, input, start, startNanos);
            progress.finish(progress(input, start, end, startNanos));
            return new JobSummary(settings, start, end, Duration.ofNanos(System.nanoTime() - startNanos),
                    end.finished() ? JobSummary.Outcome.FINISHED : JobSummary.Outcome.STOPPED, customers(c));
        }
    }

    private Checkpoint importBatches(Connection c, InputIdentity input, Checkpoint start, long startNanos)
            throws IOException, InterruptedException {
        Checkpoint at = start;
        try (RejectFile rejects = RejectFile.open(settings.rejects(), start.rejectsLength());
             CsvRecordReader reader = CsvRecordReader.open(settings.input(), start.nextOffset(), start.nextLine())) {
            if (start.nextOffset() == 0) {
                requireHeader(reader);
            }
            Throttle throttle = new Throttle(settings.maxRowsPerSecond());
            while (!at.finished() && (settings.maxBatches() == 0 || at.batches() - start.batches() < settings.maxBatches())) {
                Checkpoint from = at;
                Batch batch = readBatch(reader, rejects, throttle, from.rowsRead() - start.rowsRead());
                // an empty batch is the end of the input: its transaction only marks the checkpoint finished
                Checkpoint to = batch.records() == 0 ? from.asFinished()
                        : from.after(reader.offset(), reader.line(), batch.records(), batch.accepted(), batch.rejected(),
                                rejects.sync());
                c.inTransaction(tx -> {
                    // the checkpoint first: its row lock keeps a second run of the job from writing the same batch
                    checkpoints.advance(tx, from, to);
                    for (Insert upsert : batch.upserts()) {
                        tx.execute(upsert);
                    }
                    return null;
                });
                at = to;
                progress.update(progress(input, start, at, startNanos));
            }
        }
        return at;
    }

    private Checkpoint startingPoint(Connection tx, InputIdentity input) {
        if (settings.restart()) {
            checkpoints.delete(tx, settings.job());
        }
        Checkpoint saved = checkpoints.load(tx, settings.job());
        if (saved == null) {
            Checkpoint fresh = Checkpoint.start(settings.job(), input);
            checkpoints.insert(tx, fresh);
            return fresh;
        }
        if (!saved.input().sameContentAs(input)) {
            throw new BatchJobException("Job [" + settings.job() + "] has a checkpoint at line " + saved.nextLine() + " of "
                    + saved.input() + ", but the input " + settings.input() + " is " + input + ": a position in one file "
                    + "means nothing in another. Run with --restart to import this file from its first line, or give it "
                    + "its own --checkpoint name");
        }
        return saved;
    }

    private void requireHeader(CsvRecordReader reader) throws IOException {
        CsvRecord first = reader.next();
        if (first == null) {
            throw new BatchJobException("The input " + settings.input() + " is empty; it should start with the header "
                    + String.join(",", CustomerValidator.HEADER));
        }
        if (!validator.isHeader(first)) {
            throw new BatchJobException("The input " + settings.input() + " does not start with the header "
                    + String.join(",", CustomerValidator.HEADER) + "; its line 1 is [" + first.text() + "]");
        }
    }

    private Batch readBatch(CsvRecordReader reader, RejectFile rejects, Throttle throttle, long rowsBefore)
            throws IOException, InterruptedException {
        Map<Long, Customer> latest = new LinkedHashMap<>();
        int records = 0;
        int accepted = 0;
        int rejected = 0;
        CsvRecord record;
        while (records < settings.batchSize() && (record = reader.next()) != null) {
            records++;
            RowOutcome outcome = validator.validate(record);
            if (outcome instanceof RowOutcome.Accepted a) {
                accepted++;
                latest.put(a.customer().id(), a.customer());
            } else if (outcome instanceof RowOutcome.Rejected r) {
                rejected++;
                rejects.append(record.line(), r.reason(), record.text());
            }
            if (records % PACE_EVERY == 0) {
                throttle.pace(rowsBefore + records);
            }
        }
        List<Insert> upserts = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(Math.min(latest.size(), ROWS_PER_STATEMENT));
        for (Customer customer : latest.values()) {
            rows.add(new Object[]{customer.id(), customer.email(), customer.name(), customer.country(), customer.amount(),
                    customer.updatedAt(), customer.sourceLine()});
            if (rows.size() == ROWS_PER_STATEMENT) {
                upserts.add(upsert(rows));
                rows = new ArrayList<>(ROWS_PER_STATEMENT);
            }
        }
        if (!rows.isEmpty()) {
            upserts.add(upsert(rows));
        }
        return new Batch(upserts, records, accepted, rejected);
    }

    private static Insert upsert(List<Object[]> rows) {
        return insertInto(C)
                .columns(C.ID, C.EMAIL, C.NAME, C.COUNTRY, C.AMOUNT, C.UPDATED_AT, C.SOURCE_LINE)
                .valuesOfRows(rows)
                .onConflictDoUpdate(List.of(C.ID), UPDATE_ALL_BUT_ID);
    }

    private static Progress progress(InputIdentity input, Checkpoint start, Checkpoint at, long startNanos) {
        return new Progress(at.nextOffset(), input.size(), start.nextOffset(), at.rowsRead() - start.rowsRead(),
                at.rowsRead(), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private static long customers(Connection c) {
        Long n = c.execute(select(count()).from(CUSTOMERS)).scalar();
        return n == null ? 0 : n;
    }

    /** One batch as read: the upserts to send and what it counted. */
    private record Batch(List<Insert> upserts, int records, int accepted, int rejected) {
    }
}
