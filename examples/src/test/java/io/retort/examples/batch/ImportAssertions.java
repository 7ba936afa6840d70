package io.retort.examples.batch;

import io.retort.engine.Row;
import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.retort.Sql.select;
import static io.retort.examples.batch.BatchCheckpoints.BATCH_CHECKPOINTS;
import static io.retort.examples.batch.Customers.CUSTOMERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The checks every import test ends with: the table, the checkpoint and the reject file are exactly as expected. */
final class ImportAssertions {

    private ImportAssertions() {
    }

    /**
     * @param url      the database the job wrote to
     * @param job      the job's checkpoint name
     * @param rejects  its reject file
     * @param expected what the import must have produced
     */
    static void assertImported(String url, String job, Path rejects, ExpectedImport expected) throws IOException {
        try (Engine engine = Engine.create(url, EngineOptions.DEFAULTS.withMaxPoolSize(1).withMinIdle(0))) {
            Customers c = CUSTOMERS;
            List<Customer> customers = engine.execute(select(c.ID, c.EMAIL, c.NAME, c.COUNTRY, c.AMOUNT, c.UPDATED_AT,
                    c.SOURCE_LINE).from(c).orderBy(c.ID)).map(ImportAssertions::customer);
            assertSameRows("customers", customers, expected.customers());

            BatchCheckpoints t = BATCH_CHECKPOINTS;
            Row checkpoint = engine.execute(select(t.FINISHED, t.ROWS_READ, t.ROWS_UPSERTED, t.ROWS_REJECTED).from(t)
                    .where(t.JOB.eq(job))).one();
            assertThat(List.of(checkpoint.get(t.FINISHED), checkpoint.get(t.ROWS_READ), checkpoint.get(t.ROWS_UPSERTED),
                    checkpoint.get(t.ROWS_REJECTED))).as("finished, rows read, upserted, rejected")
                    .containsExactly(true, expected.rows(), expected.validRows(), (long) expected.rejects().size());
        }
        assertSameRows("rejects (line and record)", rejectedRecords(rejects), expected.rejects().stream()
                .map(row -> row.line() + " " + CsvFormat.record(row.fields()).stripTrailing()).toList());
    }

    /**
     * @param rejects a reject file
     * @return its rows as "line record", after checking its header and that every row gives a reason
     */
    static List<String> rejectedRecords(Path rejects) throws IOException {
        List<String> rows = new ArrayList<>();
        try (CsvRecordReader reader = CsvRecordReader.open(rejects, 0, 1)) {
            CsvRecord header = reader.next();
            assertThat(header).isNotNull();
            assertThat(header.fields()).containsExactly("line", "reason", "record");
            for (CsvRecord row = reader.next(); row != null; row = reader.next()) {
                assertThat(row.fields()).as("reject file line %d", row.line()).hasSize(3);
                assertThat(row.fields().get(1)).as("reason on reject file line %d", row.line()).isNotBlank();
                rows.add(row.fields().get(0) + " " + row.fields().get(2));
            }
        }
        return rows;
    }

    // an import's lists are long: report the sizes and the first difference, not two lists of a million rows
    private static <T> void assertSameRows(String what, List<T> actual, List<T> expected) {
        int common = Math.min(actual.size(), expected.size());
        for (int i = 0; i < common; i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                assertThat(actual.get(i)).as("%s, row %d of %d", what, i, expected.size()).isEqualTo(expected.get(i));
            }
        }
        assertThat(actual.size()).as("%s: rows", what).isEqualTo(expected.size());
    }

    private static Customer customer(Row row) {
        Customers c = CUSTOMERS;
        return new Customer(row.get(c.ID), row.get(c.EMAIL), row.get(c.NAME), row.get(c.COUNTRY), row.get(c.AMOUNT),
                row.get(c.UPDATED_AT).withOffsetSameInstant(ZoneOffset.UTC), row.get(c.SOURCE_LINE));
    }
}
