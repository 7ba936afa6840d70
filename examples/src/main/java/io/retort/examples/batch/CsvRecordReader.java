package io.retort.examples.batch;

import org.jspecify.annotations.Nullable;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: comma separated, fields optionally in double quotes, a quote inside a quoted field
 * written twice, line breaks {@code \n} or {@code \r\n}, also inside quoted fields) from a UTF-8 file, counting
 * bytes, so that reading can start again exactly after any record: {@link #open(Path, long, long)} with the
 * {@link CsvRecord#endOffset()} and line of the last record handled.
 *
 * <p>It works on bytes rather than characters because a byte offset is what a file can seek to; every character
 * that matters to CSV is ASCII, and no byte of a multi-byte UTF-8 character is, so scanning bytes is exact.
 * A malformed record (a stray quote, text after a closing quote, a quote never closed) is still returned, with
 * {@link CsvRecord#malformation()} saying what is wrong, so the caller can reject it and go on.
 */
public final class CsvRecordReader implements Closeable {
    /** A record longer than this is cut short in memory (and reported): an unclosed quote must not fill the heap. */
    static final int MAX_RECORD_BYTES = 1 << 20;

    private static final int EOF = -1;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long offset;
    private long line;

    private final ByteRun text = new ByteRun();
    private final ByteRun field = new ByteRun();

    private CsvRecordReader(InputStream in, long offset, long line) {
        this.in = in;
        this.offset = offset;
        this.line = line;
    }

    /**
     * @param file   a UTF-8 CSV file
     * @param offset the byte offset of a record's start: 0, or a {@link CsvRecord#endOffset()}
     * @param line   the line number at {@code offset}: 1 at the start of the file
     * @return a reader positioned there; close it
     * @throws IOException if the file cannot be opened
     */
    public static CsvRecordReader open(Path file, long offset, long line) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            if (offset < 0 || offset > channel.size()) {
                throw new IOException("Cannot resume " + file + " at byte " + offset + ": the file has " + channel.size() + " bytes");
            }
            channel.position(offset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new CsvRecordReader(Channels.newInputStream(channel), offset, line);
    }

    /**
     * @param in     UTF-8 CSV text
     * @param offset the byte offset {@code in} starts at, for the offsets reported
     * @param line   the line number {@code in} starts at
     * @return a reader of that stream (closing it closes the stream)
     */
    public static CsvRecordReader of(InputStream in, long offset, long line) {
        return new CsvRecordReader(in, offset, line);
    }

    /** @return the byte offset of the next record */
    public long offset() {
        return offset;
    }

    /** @return the line number the next record starts on */
    public long line() {
        return line;
    }

    /**
     * @return the next record, or {@code null} at the end of the file
     * @throws IOException if the file cannot be read
     */
    public @Nullable CsvRecord next() throws IOException {
        int b = read();
        if (b == EOF) {
            return null;
        }
        long startLine = line;
        text.clear();
        field.clear();
        List<String> fields = new ArrayList<>();
        String malformation = null;
        State state = State.FIELD_START;
        while (true) {
            if (b == EOF || (state != State.QUOTED && (b == '\n' || b == '\r'))) {
                if (state == State.QUOTED) {
                    malformation = firstOf(malformation, "field " + (fields.size() + 1) + " opens a quote that is never closed");
                }
                fields.add(field.utf8());
                if (b == '\r' && peek() == '\n') {
                    read();
                }
                if (b != EOF) {
                    line++;
                }
                break;
            }
            text.add(b);
            switch (state) {
                case FIELD_START -> {
                    if (b == '"') {
                        state = State.QUOTED;
                    } else if (b == ',') {
                        fields.add(field.utf8());
                    } else {
                        field.add(b);
                        state = State.UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (b == ',') {
                        fields.add(field.utf8());
                        state = State.FIELD_START;
                    } else {
                        if (b == '"') {
                            malformation = firstOf(malformation, "field " + (fields.size() + 1)
                                    + " has a quote but does not start with one (quote the field and double the quote)");
                        }
                        field.add(b);
                    }
                }
                case QUOTED -> {
                    if (b == '"') {
                        state = State.AFTER_QUOTE;
                    } else {
                        if (b == '\n') {
                            line++;
                        }
                        field.add(b);
                    }
                }
                case AFTER_QUOTE -> {
                    if (b == '"') {
                        field.add(b);
                        state = State.QUOTED;
                    } else if (b == ',') {
                        fields.add(field.utf8());
                        state = State.FIELD_START;
                    } else {
                        malformation = firstOf(malformation, "field " + (fields.size() + 1) + " has text after its closing quote");
                        field.add(b);
                        state = State.UNQUOTED;
                    }
                }
            }
            b = read();
        }
        if (text.truncated()) {
            malformation = firstOf(malformation, "the record is longer than " + MAX_RECORD_BYTES + " bytes (a quote never closed?)");
        }
        return new CsvRecord(startLine, offset, fields, text.utf8(), malformation);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static String firstOf(@Nullable String first, String second) {
        return first != null ? first : second;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        offset++;
        return buffer[position++] & 0xff;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position] & 0xff;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE }

    /** A growing byte array, reused from record to record; it stops growing at {@link #MAX_RECORD_BYTES}. */
    private static final class ByteRun {
        private byte[] bytes = new byte[256];
        private int length;
        private boolean truncated;

        void clear() {
            length = 0;
            truncated = false;
        }

        void add(int b) {
            if (length == bytes.length) {
                if (length >= MAX_RECORD_BYTES) {
                    truncated = true;
                    return;
                }
                bytes = Arrays.copyOf(bytes, Math.min(length * 2, MAX_RECORD_BYTES));
            }
            bytes[length++] = (byte) b;
        }

        boolean truncated() {
            return truncated;
        }

        String utf8() {
            String s = new String(bytes, 0, length, StandardCharsets.UTF_8);
            length = 0;
            return s;
        }
    }
}
