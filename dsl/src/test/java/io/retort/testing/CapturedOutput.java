package io.retort.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures what a block prints to standard output, for tests of the echo. */
public final class CapturedOutput implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Starts capturing. */
    public CapturedOutput() {
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** @return the lines printed so far */
    public List<String> lines() {
        System.out.flush();
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
