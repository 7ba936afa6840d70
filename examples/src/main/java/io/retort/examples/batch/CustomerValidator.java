package io.retort.examples.batch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one CSV record of the customers file ({@link #HEADER}) and turns it into a {@link Customer}, or into a
 * rejection that names every problem, so one look at the reject file tells what to fix in the source.
 */
public final class CustomerValidator {
    /** The header line the input starts with, and the order of the fields in every record. */
    public static final List<String> HEADER = List.of("id", "email", "name", "country", "amount", "updated_at");

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_EMAIL_LENGTH = 254;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2100;
    /** Values quoted in a reason are cut to this length: the reject file keeps the whole record anyway. */
    static final int MAX_SHOWN_LENGTH = 60;

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    // deliberately simple: a dot-free domain or a space is far more often a typo than a real address
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]+)?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * @param record a record of the input, after the header
     * @return the customer, or why the record is rejected
     */
    public RowOutcome validate(CsvRecord record) {
        if (record.malformation() != null) {
            return new RowOutcome.Rejected("malformed CSV: " + record.malformation());
        }
        List<String> fields = record.fields();
        if (fields.size() != HEADER.size()) {
            return new RowOutcome.Rejected("expected " + HEADER.size() + " fields (" + String.join(",", HEADER) + "), found "
                    + fields.size());
        }
        List<String> problems = new ArrayList<>(2);
        long id = id(fields.get(0), problems);
        String email = email(fields.get(1), problems);
        String name = name(fields.get(2), problems);
        String country = country(fields.get(3), problems);
        BigDecimal amount = amount(fields.get(4), problems);
        OffsetDateTime updatedAt = updatedAt(fields.get(5), problems);
        if (!problems.isEmpty()) {
            return new RowOutcome.Rejected(String.join("; ", problems));
        }
        return new RowOutcome.Accepted(new Customer(id, email, name, country, amount, updatedAt, record.line()));
    }

    /**
     * @param record the first record of the input
     * @return whether it is {@link #HEADER} (a UTF-8 byte order mark before it is allowed)
     */
    public boolean isHeader(CsvRecord record) {
        List<String> fields = new ArrayList<>(record.fields());
        if (!fields.isEmpty() && fields.get(0).startsWith("\uFEFF")) {
            fields.set(0, fields.get(0).substring(1));
        }
        return record.malformation() == null && fields.equals(HEADER);
    }

    private static long id(String value, List<String> problems) {
        if (value.isEmpty()) {
            problems.add("id is missing");
        } else if (!ID.matcher(value).matches() || Long.parseLong(value) == 0) {
            problems.add("id [" + shown(value) + "] is not a positive whole number");
        } else {
            return Long.parseLong(value);
        }
        return 0;
    }

    private static String email(String value, List<String> problems) {
        if (value.isEmpty()) {
            problems.add("email is missing");
        } else if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
            problems.add("email [" + shown(value) + "] is not an address like name@example.com");
        }
        return value;
    }

    private static String name(String value, List<String> problems) {
        if (value.isBlank()) {
            problems.add("name is missing");
        } else if (value.length() > MAX_NAME_LENGTH) {
            problems.add("name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return value;
    }

    private static String country(String value, List<String> problems) {
        if (value.isEmpty()) {
            problems.add("country is missing");
        } else if (!COUNTRIES.contains(value)) {
            problems.add("country [" + shown(value) + "] is not an ISO 3166-1 alpha-2 code such as DE or US");
        }
        return value;
    }

    private static BigDecimal amount(String value, List<String> problems) {
        if (value.isEmpty()) {
            problems.add("amount is missing");
            return BigDecimal.ZERO;
        }
        if (!DECIMAL.matcher(value).matches()) {
            problems.add("amount [" + shown(value) + "] is not a decimal number such as 1234.50");
            return BigDecimal.ZERO;
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            problems.add("amount [" + shown(value) + "] is out of range [0, " + MAX_AMOUNT.toPlainString() + "]");
        } else if (amount.scale() > 2) {
            problems.add("amount [" + shown(value) + "] has more than 2 decimals");
        }
        return amount;
    }

    private static OffsetDateTime updatedAt(String value, List<String> problems) {
        if (value.isEmpty()) {
            problems.add("updated_at is missing");
            return OffsetDateTime.MIN;
        }
        try {
            OffsetDateTime updatedAt = OffsetDateTime.parse(value);
            if (updatedAt.getYear() < FIRST_YEAR || updatedAt.getYear() > LAST_YEAR) {
                problems.add("updated_at [" + shown(value) + "] is not between the years " + FIRST_YEAR + " and " + LAST_YEAR);
            }
            return updatedAt;
        } catch (DateTimeParseException e) {
            problems.add("updated_at [" + shown(value) + "] is not an ISO-8601 timestamp with an offset such as 2024-05-01T12:00:00Z");
            return OffsetDateTime.MIN;
        }
    }

    private static String shown(String value) {
        return value.length() <= MAX_SHOWN_LENGTH ? value : value.substring(0, MAX_SHOWN_LENGTH) + "...";
    }
}
