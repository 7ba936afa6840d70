package io.retort.examples.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a customers CSV file for the job to read: a header, then rows of which about 2% are bad on purpose (one
 * {@link Defect} each) and about 10% repeat the id of an earlier row, half of them a near one (likely in the same
 * batch), so the upsert's "last valid row wins" is exercised within and across batches. Names carry commas,
 * quotes and non-ASCII letters, so the file needs real CSV quoting.
 *
 * <p>Row {@code i} depends only on the seed and {@code i} ({@link #row(long)}), so the same seed and size always
 * give the same bytes: tests can compute what a job must end with, and a file generated again is still the input a
 * checkpoint was written for.
 */
public final class CustomerCsvGenerator {
    /** The seed used unless one is given. */
    public static final long DEFAULT_SEED = 42;

    static final int BAD_ROWS_PER_THOUSAND = 20;
    static final int REPEATED_IDS_PER_HUNDRED = 10;

    private static final String[] FIRST_NAMES = {"Ada", "Grace", "Alan", "Zoë", "José", "Łukasz", "Mei", "Olu", "Søren",
            "Anne-Marie", "Kofi", "Priya"};
    private static final String[] LAST_NAMES = {"Lovelace", "Hopper", "O'Brien", "Smith, Jr.", "\"Skip\" Jones", "Müller",
            "van der Berg", "Nakamura", "Okafor", "Łopata", "Díaz", "Rossi"};
    private static final String[] HANDLES = {"ada", "grace", "alan", "zoe", "jose", "lukasz", "mei", "olu", "soren",
            "annemarie", "kofi", "priya"};
    private static final String[] DOMAINS = {"example.com", "example.org", "mail.example.net"};
    private static final String[] COUNTRIES = {"DE", "FR", "GB", "US", "JP", "NG", "BR", "IN", "PL", "DK", "ES", "IT"};
    private static final OffsetDateTime FIRST_UPDATE = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final Defect[] DEFECTS = Defect.values();

    private final long seed;

    /** @param seed what makes one generated file differ from another */
    public CustomerCsvGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * Writes the header and {@code rows} data rows. The file is written beside its target and moved into place
     * at the end, so an interrupted run never leaves a half-written input behind.
     *
     * @param file where to write
     * @param rows how many data rows
     * @throws IOException if the file cannot be written
     */
    public void write(Path file, long rows) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8),
                1 << 20)) {
            out.write(CsvFormat.record(CustomerValidator.HEADER));
            for (long i = 0; i < rows; i++) {
                out.write(CsvFormat.record(row(i).fields()));
            }
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @param index the row's index, from 0
     * @return the row: always the same for one seed and index
     */
    public GeneratedRow row(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        long line = index + 2;
        long id = index + 1;
        if (index > 0 && random.nextInt(100) < REPEATED_IDS_PER_HUNDRED) {
            id = random.nextBoolean() ? id - 1 - random.nextLong(Math.min(index, 50)) : 1 + random.nextLong(index);
        }
        int person = random.nextInt(FIRST_NAMES.length);
        String name = FIRST_NAMES[person] + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        String email = HANDLES[person] + "." + id + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        BigDecimal amount = BigDecimal.valueOf(random.nextLong(10_000_000), 2);
        OffsetDateTime updatedAt = FIRST_UPDATE.plusSeconds(index * 7 + random.nextInt(7));
        List<String> fields = new ArrayList<>(List.of(Long.toString(id), email, name, country, amount.toPlainString(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(updatedAt)));
        if (random.nextInt(1000) >= BAD_ROWS_PER_THOUSAND) {
            return new GeneratedRow(line, fields, new Customer(id, email, name, country, amount, updatedAt, line), null);
        }
        Defect defect = DEFECTS[random.nextInt(DEFECTS.length)];
        boolean either = random.nextBoolean();
        switch (defect) {
            case BAD_EMAIL -> fields.set(1, either ? email.replace("@", "") : email.replace("@", "@@"));
            case MISSING_FIELD -> fields.set(either ? 2 : 3, "");
            case AMOUNT_OUT_OF_RANGE -> fields.set(4, either ? "-" + amount.add(BigDecimal.ONE).toPlainString()
                    : CustomerValidator.MAX_AMOUNT.add(amount).add(new BigDecimal("0.01")).toPlainString());
            case WRONG_FIELD_COUNT -> {
                if (either) {
                    fields.remove(fields.size() - 1);
                } else {
                    fields.add("unexpected");
                }
            }
            case BAD_DATE -> fields.set(5, either ? "2024-02-30T10:00:00Z" : "yesterday");
        }
        return new GeneratedRow(line, fields, null, defect);
    }
}
