package io.retort.examples.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reject file: a header once, rejects as CSV, and cut back to the committed length when a run resumes. */
class RejectFileTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileGetsItsHeaderAndRejectsAsCsv() throws IOException {
        Path path = dir.resolve("sub/rejects.csv");
        long length;
        try (RejectFile file = RejectFile.open(path, 0)) {
            file.append(7, "email is missing", "7,,Ada,GB,1.00,2024-01-01T00:00:00Z");
            length = file.sync();
        }

        assertThat(Files.readString(path))
                .isEqualTo("line,reason,record\n7,email is missing,\"7,,Ada,GB,1.00,2024-01-01T00:00:00Z\"\n");
        assertThat(length).isEqualTo(Files.size(path));
    }

    @Test
    void rejectsWrittenAfterTheCommittedLengthAreCutOff() throws IOException {
        Path path = dir.resolve("rejects.csv");
        long committed;
        try (RejectFile file = RejectFile.open(path, 0)) {
            file.append(2, "committed", "a");
            committed = file.sync();
            file.append(3, "never committed", "b");
        }

        try (RejectFile file = RejectFile.open(path, committed)) {
            file.append(3, "written again", "b");
        }

        assertThat(Files.readAllLines(path)).containsExactly("line,reason,record", "2,committed,a", "3,written again,b");
    }

    @Test
    void aFileShorterThanItsCheckpointIsRefused() throws IOException {
        Path path = dir.resolve("rejects.csv");
        Files.writeString(path, "line,reason,record\n", StandardOpenOption.CREATE);

        assertThatThrownBy(() -> RejectFile.open(path, 1_000))
                .isInstanceOf(BatchJobException.class)
                .hasMessageContaining("has 19 bytes but the checkpoint recorded 1000")
                .hasMessageContaining("--restart");
    }
}
