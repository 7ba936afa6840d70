package io.retort.testkit;

import io.retort.dialect.Dialects;
import io.retort.jdbc.EngineOptions;
import io.retort.orm.SessionOptions;
import io.retort.r2dbc.AsyncEngineOptions;
import io.retort.schema.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseAddressTest {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static ExtensionSettings settings(String url, String variable, String r2dbcUrl, SchemaSetup schema) {
        return new ExtensionSettings(MetaData.of(), url, variable, r2dbcUrl, "", schema, TestIsolation.ROLLBACK, 2,
                SessionOptions.defaults(), EngineOptions.DEFAULTS, AsyncEngineOptions.DEFAULTS);
    }

    private static DatabaseAddress resolve(ExtensionSettings settings, Map<String, String> parameters, Map<String, String> variables) {
        return DatabaseAddress.resolve(settings, "Shop$OrdersTest", k -> Optional.ofNullable(parameters.get(k)), variables::get, "abc123");
    }

    @Test
    void withNothingNamedItIsAnEmbeddedH2OfTheClassOwn() {
        DatabaseAddress address = resolve(settings("", "", "", SchemaSetup.FRESH), Map.of(), Map.of());

        assertThat(address.dialect).isEqualTo(Dialects.H2);
        assertThat(address.engineUrl).isEqualTo("h2:mem:retort_shop_orderstest_abc123");
        assertThat(address.asyncEngineUrl).isEqualTo(address.engineUrl);
        assertThat(address.embedded).isTrue();
        assertThat(address.freshSchema).isNull();
    }

    @Test
    void aFreshSchemaOnPostgresqlIsCurrentForBothEngines() {
        DatabaseAddress address = resolve(settings(PG, "", "", SchemaSetup.FRESH), Map.of(), Map.of());

        assertThat(address.dialect).isEqualTo(Dialects.POSTGRES);
        assertThat(address.freshSchema).isEqualTo("retort_test_abc123");
        assertThat(address.engineUrl).isEqualTo(PG + "&currentSchema=retort_test_abc123");
        // the jdbc: prefix dropped, a pgjdbc URL is a short form both engines read
        assertThat(address.asyncEngineUrl).isEqualTo("postgresql://127.0.0.1:5432/test?user=postgres&schema=retort_test_abc123");
        assertThat(address.adminEngineUrl).isEqualTo(PG);
    }

    @Test
    void theVariableWinsOverTheUrlAndABlankOneIsIgnored() {
        ExtensionSettings s = settings("h2:mem:given", "MY_DB", "", SchemaSetup.CREATE);

        assertThat(resolve(s, Map.of(), Map.of("MY_DB", PG)).engineUrl).isEqualTo(PG);
        assertThat(resolve(s, Map.of(), Map.of("MY_DB", "  ")).engineUrl).isEqualTo("h2:mem:given");
        assertThat(resolve(s, Map.of(), Map.of()).engineUrl).isEqualTo("h2:mem:given");
    }

    @Test
    void theConfigurationParameterIsTheLastResortAndBringsItsReactiveUrl() {
        Map<String, String> parameters = Map.of(DatabaseAddress.URL_PARAMETER, PG,
                DatabaseAddress.R2DBC_URL_PARAMETER, "r2dbc:postgresql://postgres@127.0.0.1:5432/test");

        DatabaseAddress fromParameter = resolve(settings("", "", "", SchemaSetup.EXISTING), parameters, Map.of());
        DatabaseAddress fromAnnotation = resolve(settings("h2:mem:given", "", "", SchemaSetup.EXISTING), parameters, Map.of());

        assertThat(fromParameter.engineUrl).isEqualTo(PG);
        assertThat(fromParameter.asyncEngineUrl).isEqualTo("r2dbc:postgresql://postgres@127.0.0.1:5432/test");
        assertThat(fromParameter.freshSchema).isNull();
        assertThat(fromAnnotation.engineUrl).isEqualTo("h2:mem:given");
        assertThat(fromAnnotation.asyncEngineUrl).isEqualTo("h2:mem:given");
    }

    @Test
    void anExplicitReactiveUrlIsTakenAsItIs() {
        DatabaseAddress address = resolve(settings(PG, "", "r2dbc:postgresql://postgres@127.0.0.1/test", SchemaSetup.FRESH),
                Map.of(), Map.of());

        assertThat(address.asyncEngineUrl).isEqualTo("r2dbc:postgresql://postgres@127.0.0.1/test?schema=retort_test_abc123");
        assertThat(address.toString()).contains("schema retort_test_abc123");
    }
}
