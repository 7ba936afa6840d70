package io.retort.examples.batch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV reader: RFC 4180 fields, malformed records reported rather than thrown, and exact byte offsets. */
class CsvRecordReaderTest {

    @Test
    void readsPlainQuotedAndEmptyFields() throws IOException {
        List<CsvRecord> records = readAll("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\n,,\n");

        assertThat(records).extracting(CsvRecord::fields).containsExactly(
                List.of("a", "b", "c"),
                List.of("x, y", "say \"hi\"", ""),
                List.of("", "", ""));
        assertThat(records).extracting(CsvRecord::malformation).containsOnlyNulls();
        assertThat(records.get(1).text()).isEqualTo("\"x, y\",\"say \"\"hi\"\"\",");
    }

    @Test
    void aQuotedLineBreakStaysInTheFieldAndLinesAreCounted() throws IOException {
        List<CsvRecord> records = readAll("1,\"two\nlines\"\r\n2,b\r\n3,c");

        assertThat(records).extracting(CsvRecord::fields).containsExactly(
                List.of("1", "two\nlines"), List.of("2", "b"), List.of("3", "c"));
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 3L, 4L);
        assertThat(records.get(0).text()).isEqualTo("1,\"two\nlines\"");
    }

    @Test
    void anEmptyLineIsOneEmptyField() throws IOException {
        assertThat(readAll("a\n\nb\n")).extracting(CsvRecord::fields)
                .containsExactly(List.of("a"), List.of(""), List.of("b"));
    }

    @Test
    void malformedRecordsSayWhatIsWrongAndReadingGoesOn() throws IOException {
        List<CsvRecord> records = readAll("ab\"c,d\n\"x\"y,z\nok,1\n\"never closed,2\nlost,3\n");

        assertThat(records).extracting(CsvRecord::malformation).containsExactly(
                "field 1 has a quote but does not start with one (quote the field and double the quote)",
                "field 1 has text after its closing quote",
                null,
                "field 1 opens a quote that is never closed");
        assertThat(records.get(2).fields()).containsExactly("ok", "1");
        assertThat(records.get(3).line()).isEqualTo(4);
    }

    @Test
    void offsetsCountBytesSoResumingAfterAnyRecordReadsTheRest() throws IOException {
        String text = "id,name\n1,Zoë\n2,\"Łukasz, \"\"Ł\"\"\"\n3,\"multi\nline\"\r\n4,José\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<CsvRecord> all = readAll(text);

        assertThat(all.get(all.size() - 1).endOffset()).isEqualTo(bytes.length);
        for (int i = 0; i < all.size(); i++) {
            CsvRecord resumedAfter = all.get(i);
            long nextLine = i + 1 < all.size() ? all.get(i + 1).line() : resumedAfter.line() + 1;
            byte[] rest = Arrays.copyOfRange(bytes, (int) resumedAfter.endOffset(), bytes.length);
            List<CsvRecord> resumed = readAll(
                    CsvRecordReader.of(new ByteArrayInputStream(rest), resumedAfter.endOffset(), nextLine));
            assertThat(resumed).as("resumed after record %d", i).isEqualTo(all.subList(i + 1, all.size()));
        }
    }

    @Test
    void whatCsvFormatWritesReadsBackUnchanged() throws IOException {
        List<String> fields = List.of("plain", "with, comma", "with \"quotes\"", "two\nlines", " padded ", "", "Søren");

        List<CsvRecord> records = readAll(CsvFormat.record(fields) + CsvFormat.record("next"));

        assertThat(records).extracting(CsvRecord::fields).containsExactly(fields, List.of("next"));
        assertThat(records.get(0).malformation()).isNull();
    }

    private static List<CsvRecord> readAll(String text) throws IOException {
        return readAll(CsvRecordReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 0, 1));
    }

    private static List<CsvRecord> readAll(CsvRecordReader reader) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (reader) {
            CsvRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }
}
