package io.retort.examples.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every validation rule, with the reason a rejected row gets. */
class CustomerValidatorTest {
    private static final List<String> GOOD = List.of("17", "ada.17@example.com", "Ada \"Skip\" O'Brien, Jr.", "GB", "1234.50",
            "2024-05-01T12:00:00Z");

    private final CustomerValidator validator = new CustomerValidator();

    @Test
    void aGoodRowBecomesACustomerWithItsLine() {
        RowOutcome outcome = validator.validate(record(42, GOOD));

        assertThat(outcome).isEqualTo(new RowOutcome.Accepted(new Customer(17, "ada.17@example.com",
                "Ada \"Skip\" O'Brien, Jr.", "GB", new BigDecimal("1234.50"), OffsetDateTime.parse("2024-05-01T12:00:00Z"), 42)));
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @CsvSource(delimiter = '|', value = {
            "0|''|id is missing",
            "0|-3|id [-3] is not a positive whole number",
            "0|0|id [0] is not a positive whole number",
            "0|12a|id [12a] is not a positive whole number",
            "1|''|email is missing",
            "1|ada.example.com|email [ada.example.com] is not an address like name@example.com",
            "1|ada@@example.com|email [ada@@example.com] is not an address like name@example.com",
            "1|ada@localhost|email [ada@localhost] is not an address like name@example.com",
            "2|'   '|name is missing",
            "3|''|country is missing",
            "3|XX|country [XX] is not an ISO 3166-1 alpha-2 code such as DE or US",
            "3|gb|country [gb] is not an ISO 3166-1 alpha-2 code such as DE or US",
            "4|''|amount is missing",
            "4|12,5|amount [12,5] is not a decimal number such as 1234.50",
            "4|1e3|amount [1e3] is not a decimal number such as 1234.50",
            "4|-0.01|amount [-0.01] is out of range [0, 1000000]",
            "4|1000000.01|amount [1000000.01] is out of range [0, 1000000]",
            "4|1.005|amount [1.005] has more than 2 decimals",
            "5|''|updated_at is missing",
            "5|2024-02-30T10:00:00Z|updated_at [2024-02-30T10:00:00Z] is not an ISO-8601 timestamp with an offset such as 2024-05-01T12:00:00Z",
            "5|2024-05-01T12:00:00|updated_at [2024-05-01T12:00:00] is not an ISO-8601 timestamp with an offset such as 2024-05-01T12:00:00Z",
            "5|1850-01-01T00:00:00Z|updated_at [1850-01-01T00:00:00Z] is not between the years 1900 and 2100",
    })
    void aBadFieldIsRejectedWithItsReason(int field, String value, String reason) {
        List<String> fields = new ArrayList<>(GOOD);
        fields.set(field, value);

        assertThat(validator.validate(record(2, fields))).isEqualTo(new RowOutcome.Rejected(reason));
    }

    @Test
    void everyProblemOfARowIsNamed() {
        RowOutcome outcome = validator.validate(record(2, List.of("x", "", "Ada", "ZZ", "5", "2024-05-01T12:00:00Z")));

        assertThat(outcome).isEqualTo(new RowOutcome.Rejected("id [x] is not a positive whole number; email is missing; "
                + "country [ZZ] is not an ISO 3166-1 alpha-2 code such as DE or US"));
    }

    @Test
    void aLongValueIsCutInTheReason() {
        List<String> fields = new ArrayList<>(GOOD);
        fields.set(1, "x".repeat(300));

        RowOutcome.Rejected rejected = (RowOutcome.Rejected) validator.validate(record(2, fields));

        assertThat(rejected.reason()).isEqualTo("email [" + "x".repeat(60) + "...] is not an address like name@example.com");
    }

    @Test
    void theFieldCountIsCheckedFirst() {
        assertThat(validator.validate(record(2, GOOD.subList(0, 5))))
                .isEqualTo(new RowOutcome.Rejected("expected 6 fields (id,email,name,country,amount,updated_at), found 5"));
        assertThat(validator.validate(record(2, List.of(""))))
                .isEqualTo(new RowOutcome.Rejected("expected 6 fields (id,email,name,country,amount,updated_at), found 1"));
    }

    @Test
    void malformedCsvIsRejectedAsSuch() {
        CsvRecord malformed = new CsvRecord(9, 0, GOOD, "...", "field 3 has text after its closing quote");

        assertThat(validator.validate(malformed))
                .isEqualTo(new RowOutcome.Rejected("malformed CSV: field 3 has text after its closing quote"));
    }

    @Test
    void theHeaderIsRecognisedWithOrWithoutAByteOrderMark() {
        assertThat(validator.isHeader(record(1, CustomerValidator.HEADER))).isTrue();
        assertThat(validator.isHeader(record(1, List.of("\uFEFFid", "email", "name", "country", "amount", "updated_at")))).isTrue();
        assertThat(validator.isHeader(record(1, GOOD))).isFalse();
        assertThat(validator.isHeader(record(1, List.of("id", "email")))).isFalse();
    }

    private static CsvRecord record(long line, List<String> fields) {
        return new CsvRecord(line, 0, fields, CsvFormat.record(fields).strip(), null);
    }
}
