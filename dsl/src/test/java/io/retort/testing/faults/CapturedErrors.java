package io.retort.testing.faults;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures standard error (where the tests' SLF4J binding writes warnings) while still passing it through, for
 * scenarios that check what Retort reported.
 */
final class CapturedErrors implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    CapturedErrors() {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (bytes) {
                    bytes.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (bytes) {
                    bytes.write(b, off, len);
                }
                original.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
    }

    String text() {
        System.err.flush();
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    int count(String phrase) {
        String all = text();
        int n = 0;
        for (int at = all.indexOf(phrase); at >= 0; at = all.indexOf(phrase, at + phrase.length())) {
            n++;
        }
        return n;
    }

    void clear() {
        synchronized (bytes) {
            bytes.reset();
        }
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
