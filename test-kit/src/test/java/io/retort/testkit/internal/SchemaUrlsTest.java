package io.retort.testkit.internal;

import io.retort.dialect.Dialects;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaUrlsTest {

    @Test
    void postgresqlTakesEachDriversOption() {
        assertThat(SchemaUrls.withSchema("jdbc:postgresql://h:5432/test?user=pg", Dialects.POSTGRES, "s1", true))
                .isEqualTo("jdbc:postgresql://h:5432/test?user=pg&currentSchema=s1");
        assertThat(SchemaUrls.withSchema("postgresql://pg@h/test", Dialects.POSTGRES, "s1", true))
                .isEqualTo("postgresql://pg@h/test?currentSchema=s1");
        assertThat(SchemaUrls.withSchema("postgresql://pg@h/test", Dialects.POSTGRES, "s1", false))
                .isEqualTo("postgresql://pg@h/test?schema=s1");
        assertThat(SchemaUrls.withSchema("r2dbc:postgresql://pg@h/test?sslMode=disable", Dialects.POSTGRES, "s1", false))
                .isEqualTo("r2dbc:postgresql://pg@h/test?sslMode=disable&schema=s1");
    }

    @Test
    void h2TakesItsSettingBeforeTheCredentials() {
        assertThat(SchemaUrls.withSchema("h2:mem:app", Dialects.H2, "s1", true)).isEqualTo("h2:mem:app;SCHEMA=s1");
        assertThat(SchemaUrls.withSchema("h2:file:./db?user=sa", Dialects.H2, "s1", false)).isEqualTo("h2:file:./db;SCHEMA=s1?user=sa");
        assertThatThrownBy(() -> SchemaUrls.withSchema("r2dbc:h2:mem:///app", Dialects.H2, "s1", false))
                .hasMessageStartingWith("SchemaSetup.FRESH cannot make a schema current: Cannot put a schema into the r2dbc: URL");
    }

    @Test
    void onlyPlainNamesGoIntoAUrl() {
        assertThatThrownBy(() -> SchemaUrls.withSchema("h2:mem:app", Dialects.H2, "a;INIT=x", true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
