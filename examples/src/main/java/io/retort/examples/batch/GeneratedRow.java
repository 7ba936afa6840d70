package io.retort.examples.batch;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One data row {@link CustomerCsvGenerator} writes, with what it is meant to be: the customer it stands for, or the
 * defect that makes it a reject. Tests compute what a job must end with from these, without the validator.
 *
 * @param line     its line number in the file (the header is line 1)
 * @param fields   its fields as written
 * @param customer the customer, when the row is valid
 * @param defect   what is wrong with it, when it is not
 */
public record GeneratedRow(long line, List<String> fields, @Nullable Customer customer, @Nullable Defect defect) {

    /** Copies the fields. */
    public GeneratedRow {
        fields = List.copyOf(fields);
    }
}
