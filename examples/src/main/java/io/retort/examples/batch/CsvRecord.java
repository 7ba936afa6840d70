package io.retort.examples.batch;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One record of a CSV file as read, before any validation: its fields, the record's text as it stands in the
 * file, where it starts (line number) and the byte offset just after it, which is where reading resumes.
 *
 * @param line          the line number the record starts on, counted from 1 (a quoted field may span lines)
 * @param endOffset     the byte offset just after the record and its line break
 * @param fields        the fields, unquoted; what could be read when the record is malformed
 * @param text          the record as written in the file, without its line break
 * @param malformation  why the record is not well-formed CSV, or {@code null} when it is
 */
public record CsvRecord(long line, long endOffset, List<String> fields, String text, @Nullable String malformation) {

    /** Copies the fields, so a record never changes once read. */
    public CsvRecord {
        fields = List.copyOf(fields);
    }
}
