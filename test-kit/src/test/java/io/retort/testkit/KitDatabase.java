package io.retort.testkit;

import java.util.Map;

/**
 * The databases the kit's ITs run samples on: embedded H2 (the extension's default, no configuration) and the local
 * PostgreSQL, named through the extension's configuration parameters from {@code RETORT_PG_URL} and
 * {@code RETORT_PG_R2DBC_URL}.
 */
enum KitDatabase {
    H2(Map.of()),
    POSTGRES(Map.of(DatabaseAddress.URL_PARAMETER, pgUrl(), DatabaseAddress.R2DBC_URL_PARAMETER, pgR2dbcUrl()));

    private final Map<String, String> configuration;

    KitDatabase(Map<String, String> configuration) {
        this.configuration = configuration;
    }

    /** @return the local PostgreSQL's JDBC URL */
    static String pgUrl() {
        return System.getenv().getOrDefault("RETORT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }

    /** @return the local PostgreSQL's R2DBC URL */
    static String pgR2dbcUrl() {
        return System.getenv().getOrDefault("RETORT_PG_R2DBC_URL", "r2dbc:postgresql://postgres@127.0.0.1:5432/test");
    }

    /** @return the configuration parameters that point the extension at this database */
    Map<String, String> configuration() {
        return configuration;
    }
}
