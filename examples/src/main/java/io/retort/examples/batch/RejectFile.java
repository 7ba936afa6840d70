package io.retort.examples.batch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The CSV file of rejected rows ({@code line,reason,record}: the input line number, every problem found, and the
 * record exactly as it was in the input), written as the rows are read.
 *
 * <p>A crash can leave rejects of a batch that never committed at the end of the file, so the file is opened at
 * the length its checkpoint recorded and anything after that is cut off: every reject appears exactly once after
 * any number of resumed runs. {@link #sync()} forces the file to disk before the batch's transaction commits, so
 * the file is never shorter than a committed checkpoint says.
 */
public final class RejectFile implements Closeable {
    /** The reject file's header. */
    public static final String HEADER = CsvFormat.record("line", "reason", "record");

    private final Path path;
    private final FileChannel channel;

    private RejectFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * @param path            the reject file; created with its header when absent or empty
     * @param committedLength its length when the checkpoint being resumed from was committed (0 for a new job)
     * @return the file, positioned at its end
     * @throws IOException         if it cannot be opened or written
     * @throws BatchJobException   if it is shorter than {@code committedLength}: it was changed since that checkpoint
     */
    public static RejectFile open(Path path, long committedLength) throws IOException {
        Path absolute = path.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        FileChannel channel = FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            if (channel.size() < committedLength) {
                throw new BatchJobException("The reject file [" + path + "] has " + channel.size() + " bytes but the checkpoint "
                        + "recorded " + committedLength + ": it was truncated or replaced since the last run, so the rejects "
                        + "of the committed batches are lost. Restore it, or run with --restart to start over");
            }
            channel.truncate(committedLength);
            channel.position(committedLength);
            RejectFile file = new RejectFile(path, channel);
            if (committedLength == 0) {
                file.write(HEADER);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * @param line   the record's line number in the input
     * @param reason why it is rejected
     * @param record the record as it was in the input
     * @throws IOException if the file cannot be written
     */
    public void append(long line, String reason, String record) throws IOException {
        write(CsvFormat.record(Long.toString(line), reason, record));
    }

    /**
     * Forces what was appended to disk.
     *
     * @return the file's length: what the next checkpoint records
     * @throws IOException if the file cannot be written
     */
    public long sync() throws IOException {
        channel.force(false);
        return channel.position();
    }

    /** @return the file's path */
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
