package io.retort.examples.batch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures the progress display shows, the bar and the log lines, and how often each is drawn. */
class ProgressTest {

    @Test
    void rateAndEtaComeFromThisRunOnly() {
        // resumed at byte 400 of 1,000: 300 bytes and 3,000 rows in 2 s, so 300 bytes are left for 2 s more
        Progress progress = new Progress(700, 1_000, 400, 3_000, 7_000, Duration.ofSeconds(2));

        assertThat(progress.fraction()).isEqualTo(0.7);
        assertThat(progress.rowsPerSecond()).isEqualTo(1_500);
        assertThat(progress.eta()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void beforeAnythingIsReadThePaceIsUnknown() {
        Progress progress = new Progress(400, 1_000, 400, 0, 4_000, Duration.ZERO);

        assertThat(progress.rowsPerSecond()).isZero();
        assertThat(progress.eta()).isNull();
        assertThat(HumanFormat.duration(progress.eta())).isEqualTo("?");
    }

    @Test
    void theBarShowsShareRowsRateAndEta() {
        Progress progress = new Progress(500, 1_000, 0, 500_000, 500_000, Duration.ofSeconds(10));

        assertThat(ProgressBar.line(progress))
                .isEqualTo("[###############---------------]  50.0%  500,000 rows  50,000 rows/s  ETA 10.0 s");
        assertThat(ProgressLog.line(progress))
                .isEqualTo("progress: 50.0% of the input, 500,000 rows, 50,000 rows/s, ETA 10.0 s");
    }

    @Test
    void theBarIsRedrawnInPlaceAtMostTenTimesASecond() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        bar.update(at(100, Duration.ofMillis(10)));
        bar.update(at(200, Duration.ofMillis(50)));
        bar.update(at(300, Duration.ofMillis(120)));
        bar.finish(at(1_000, Duration.ofMillis(130)));

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.split("\r", -1)).hasSize(4);
        assertThat(text).doesNotContain(" 20.0%").contains(" 10.0%", " 30.0%", "100.0%").endsWith(System.lineSeparator());
    }

    @Test
    void logLinesComeOncePerIntervalAndTheLastOneOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLog log = new ProgressLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofSeconds(5));

        log.update(at(100, Duration.ofSeconds(1)));
        log.update(at(500, Duration.ofSeconds(5)));
        log.update(at(800, Duration.ofSeconds(8)));
        log.update(at(1_000, Duration.ofSeconds(10)));
        log.finish(at(1_000, Duration.ofSeconds(10)));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .extracting(line -> line.substring(0, line.indexOf('%') + 1))
                .containsExactly("progress: 50.0%", "progress: 100.0%");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(HumanFormat.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(HumanFormat.duration(Duration.ofMillis(12_340))).isEqualTo("12.3 s");
        assertThat(HumanFormat.duration(Duration.ofSeconds(125))).isEqualTo("2m 05s");
        assertThat(HumanFormat.duration(Duration.ofMinutes(62))).isEqualTo("1h 02m");
        assertThat(HumanFormat.count(1_000_000)).isEqualTo("1,000,000");
    }

    private static Progress at(long bytes, Duration elapsed) {
        return new Progress(bytes, 1_000, 0, bytes * 10, bytes * 10, elapsed);
    }
}
