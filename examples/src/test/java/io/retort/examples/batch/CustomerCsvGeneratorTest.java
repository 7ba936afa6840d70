package io.retort.examples.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator writes what it says (the same bytes for the same seed, the promised share of bad rows and repeated
 * ids), and the validator agrees with it on every row: a row meant to be good is accepted as exactly the customer
 * meant, a row meant to be bad is rejected for the reason it was broken.
 */
class CustomerCsvGeneratorTest {
    private static final int ROWS = 20_000;

    @TempDir
    Path dir;

    @Test
    void theSameSeedAndSizeWriteTheSameBytes() throws IOException {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        new CustomerCsvGenerator(7).write(first, 2_000);
        new CustomerCsvGenerator(7).write(second, 2_000);
        new CustomerCsvGenerator(8).write(dir.resolve("c.csv"), 2_000);

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(dir.resolve("c.csv")));
        assertThat(Files.readAllLines(first)).hasSize(2_001).first().isEqualTo("id,email,name,country,amount,updated_at");
        assertThat(dir.resolve("a.csv.partial")).doesNotExist();
    }

    @Test
    void aboutTwoPercentAreBadOfEveryKindAndAboutTenPercentRepeatAnId() {
        CustomerCsvGenerator generator = new CustomerCsvGenerator(CustomerCsvGenerator.DEFAULT_SEED);
        Map<Defect, Integer> defects = new EnumMap<>(Defect.class);
        Set<Long> ids = new HashSet<>();
        int repeated = 0;
        for (int i = 0; i < ROWS; i++) {
            GeneratedRow row = generator.row(i);
            if (row.defect() != null) {
                defects.merge(row.defect(), 1, Integer::sum);
            }
            if (!ids.add(Long.parseLong(row.fields().get(0)))) {
                repeated++;
            }
        }

        assertThat(defects).containsOnlyKeys(Defect.values());
        assertThat(defects.values().stream().mapToInt(Integer::intValue).sum()).isBetween(ROWS * 15 / 1000, ROWS * 25 / 1000);
        assertThat(repeated).isBetween(ROWS * 8 / 100, ROWS * 12 / 100);
    }

    @Test
    void theValidatorAcceptsExactlyTheGoodRowsAndRejectsTheBadOnesForTheirDefect() throws IOException {
        Path file = dir.resolve("customers.csv");
        CustomerCsvGenerator generator = new CustomerCsvGenerator(CustomerCsvGenerator.DEFAULT_SEED);
        generator.write(file, ROWS);
        CustomerValidator validator = new CustomerValidator();

        // disagreements are collected rather than asserted row by row: 20,000 AssertJ assertions take seconds
        List<String> disagreements = new ArrayList<>();
        try (CsvRecordReader reader = CsvRecordReader.open(file, 0, 1)) {
            assertThat(validator.isHeader(reader.next())).isTrue();
            for (int i = 0; i < ROWS; i++) {
                GeneratedRow expected = generator.row(i);
                CsvRecord record = reader.next();
                RowOutcome outcome = validator.validate(record);
                boolean agrees = record.line() == expected.line() && record.fields().equals(expected.fields())
                        && (expected.defect() == null
                                ? outcome.equals(new RowOutcome.Accepted(expected.customer()))
                                : outcome instanceof RowOutcome.Rejected r && r.reason().matches(reasonOf(expected.defect())));
                if (!agrees) {
                    disagreements.add("line " + expected.line() + " (" + expected.defect() + "): " + record.text() + " -> " + outcome);
                }
            }
            assertThat(reader.next()).isNull();
        }
        assertThat(disagreements).isEmpty();
    }

    private static String reasonOf(Defect defect) {
        return switch (defect) {
            case BAD_EMAIL -> "email \\[.*\\] is not an address like name@example\\.com";
            case MISSING_FIELD -> "(name|country) is missing";
            case AMOUNT_OUT_OF_RANGE -> "amount \\[.*\\] is out of range \\[0, 1000000\\]";
            case WRONG_FIELD_COUNT -> "expected 6 fields \\(.*\\), found (5|7)";
            case BAD_DATE -> "updated_at \\[.*\\] is not an ISO-8601 timestamp .*";
        };
    }
}
