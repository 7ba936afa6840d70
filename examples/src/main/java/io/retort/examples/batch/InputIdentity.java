package io.retort.examples.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which input file a checkpoint belongs to: its size and a SHA-256 of its first and last mebibyte. A byte offset
 * is only meaningful in the file it was counted in, so a resumed job checks the identity first. Hashing the ends
 * rather than the whole file keeps the check instant on files of any size; a file edited in the middle
 * without changing its size goes unnoticed, which is acceptable for files that are produced, not edited.
 *
 * @param name   the file's name, for messages only
 * @param size   its size in bytes
 * @param sha256 the hex SHA-256 of its first and last mebibyte
 */
public record InputIdentity(String name, long size, String sha256) {
    private static final int SAMPLE_BYTES = 1 << 20;

    /**
     * @param file the input
     * @return its identity
     * @throws IOException if it cannot be read
     */
    public static InputIdentity of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            hash(channel, 0, Math.min(size, SAMPLE_BYTES), digest);
            long tail = Math.max(SAMPLE_BYTES, size - SAMPLE_BYTES);
            hash(channel, tail, size - tail, digest);
            return new InputIdentity(file.getFileName().toString(), size, HexFormat.of().formatHex(digest.digest()));
        }
    }

    /**
     * @param other the identity a checkpoint recorded
     * @return whether both describe the same content; the name may differ (the file may have been moved)
     */
    public boolean sameContentAs(InputIdentity other) {
        return size == other.size && sha256.equals(other.sha256);
    }

    @Override
    public String toString() {
        return name + " (" + size + " bytes, sha256 of its ends " + sha256.substring(0, 12) + "...)";
    }

    private static void hash(FileChannel channel, long from, long length, MessageDigest digest) throws IOException {
        if (length <= 0) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        int read;
        do {
            read = channel.read(buffer, from + buffer.position());
        } while (read > 0 && buffer.hasRemaining());
        digest.update(buffer.flip());
    }
}
