package io.retort.examples.batch;

import java.time.Duration;

/**
 * What a run did, printed at its end: this run's rows read, upserted and rejected, its time and rows per second,
 * and the totals of every run of the job so far.
 *
 * @param settings  the run's settings
 * @param start     the checkpoint the run started from
 * @param end       the checkpoint it ended at
 * @param elapsed   the run's time, from the first record read to the last commit
 * @param outcome   how it ended
 * @param customers the rows in the customers table afterwards
 */
public record JobSummary(JobSettings settings, Checkpoint start, Checkpoint end, Duration elapsed, Outcome outcome,
                         long customers) {

    /** How a run ended. */
    public enum Outcome {
        /** It read the input to its end. */
        FINISHED,
        /** It stopped after {@code --max-batches} batches; the next run resumes. */
        STOPPED,
        /** The job had already finished; nothing was read. */
        ALREADY_FINISHED
    }

    /** @return the data rows this run read */
    public long rowsRead() {
        return end.rowsRead() - start.rowsRead();
    }

    /** @return the valid rows this run upserted */
    public long rowsUpserted() {
        return end.rowsUpserted() - start.rowsUpserted();
    }

    /** @return the rows this run rejected */
    public long rowsRejected() {
        return end.rowsRejected() - start.rowsRejected();
    }

    /** @return this run's rows read per second */
    public double rowsPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : rowsRead() * 1e9 / nanos;
    }

    /** @return the summary as printed, several lines */
    public String text() {
        String how = switch (outcome) {
            case FINISHED -> "finished";
            case STOPPED -> "stopped after " + (end.batches() - start.batches()) + " batches (--max-batches); run again to resume";
            case ALREADY_FINISHED -> "already finished earlier";
        };
        return "job [" + settings.job() + "] " + how + "\n"
                + "  this run:  " + HumanFormat.count(rowsRead()) + " rows read, " + HumanFormat.count(rowsUpserted())
                + " upserted, " + HumanFormat.count(rowsRejected()) + " rejected in " + HumanFormat.duration(elapsed)
                + ": " + HumanFormat.rate(rowsPerSecond()) + " rows/s\n"
                + "  all runs:  " + HumanFormat.count(end.rowsRead()) + " rows read, " + HumanFormat.count(end.rowsUpserted())
                + " upserted, " + HumanFormat.count(end.rowsRejected()) + " rejected (" + settings.rejects() + "), "
                + end.batches() + " batches\n"
                + "  customers: " + HumanFormat.count(customers) + " rows (one per id: the last valid row of each wins)";
    }
}
