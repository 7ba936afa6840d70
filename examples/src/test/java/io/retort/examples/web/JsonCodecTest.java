package io.retort.examples.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the strict reader accepts and how it names what it refuses, without a server. */
class JsonCodecTest {
    private final JsonCodec json = new JsonCodec();

    @Test
    void readsAWellFormedBodyAsItsRecord() {
        NewUser user = json.read(bytes("{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":36,"
                + "\"addresses\":[{\"street\":\"12 St James Sq\",\"city\":\"London\"}]}"), NewUser.class);
        assertThat(user).isEqualTo(new NewUser("Ada", "ada@example.com", 36,
                List.of(new NewAddress("12 St James Sq", "London"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "text for a number    | {\"age\":\"36\"}            | age          | must be a whole number",
            "a fraction           | {\"age\":36.5}              | age          | must be a whole number",
            "a number for text    | {\"name\":36}               | name         | must be a string",
            "a boolean for text   | {\"name\":true}             | name         | must be a string",
            "an object for a list | {\"addresses\":{}}          | addresses    | must be an array",
            "a list of numbers    | {\"addresses\":[1]}         | addresses[0] | must be an object",
            "an array for the body| []                          | (body)       | must be one JSON object, with nothing after it",
            "two objects          | {} {}                       | (body)       | must be one JSON object, with nothing after it",
            "a number beyond int  | {\"age\":99999999999}       | age          | out of range of int"})
    void aValueOfTheWrongTypeIsRefusedNamingItsField(String why, String body, String field, String reason) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> json.read(bytes(body), NewUser.class));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.body().error()).isEqualTo("invalid_value");
        Map<?, ?> detail = (Map<?, ?>) e.body().detail();
        assertThat(detail.get("field")).isEqualTo(field);
        assertThat(detail.get("reason").toString()).contains(reason);
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> json.read(bytes("{\"addresses\":[{\"street\":\"s\",\"zip\":\"1\"}]}"), NewUser.class));
        assertThat(e.body().error()).isEqualTo("unknown_field");
        assertThat(e.body().detail()).isEqualTo(Map.of("field", "addresses[0].zip", "known",
                new java.util.TreeSet<>(List.of("city", "street"))));
    }

    @Test
    void malformedJsonSaysWhere() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> json.read(bytes("{\"name\":\n  nope}"), NewUser.class));
        assertThat(e.body().error()).isEqualTo("malformed_json");
        assertThat(e.body().detail().toString()).contains("line 2, column");
    }

    @Test
    void anEmptyBodyOrNullIsMissing() {
        assertThat(catchThrowableOfType(ApiException.class, () -> json.read(new byte[0], NewUser.class)).body().error())
                .isEqualTo("missing_body");
        assertThat(catchThrowableOfType(ApiException.class, () -> json.read(bytes("null"), NewUser.class)).body().error())
                .isEqualTo("missing_body");
    }

    @Test
    void writesRecordsByTheirComponents() {
        assertThat(new String(json.write(new UserSummary(7, "Ada", "ada@example.com", 36, 2)), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":7,\"name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":36,\"version\":2}");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
