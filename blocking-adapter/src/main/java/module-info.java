/**
 * Retort's blocking path: the JDBC {@code Engine} on HikariCP, Core connections, transactions and the
 * {@code Session}. Drivers are the application's choice; driver profiles say what depends on them.
 */
module io.retort.jdbc {
    requires transitive io.retort.dsl;
    requires com.zaxxer.hikari;
    requires org.slf4j;

    exports io.retort.jdbc;
    exports io.retort.jdbc.profile;

    uses io.retort.jdbc.profile.JdbcDriverProfile;
    provides io.retort.jdbc.profile.JdbcDriverProfile with
            io.retort.jdbc.profile.H2JdbcProfile,
            io.retort.jdbc.profile.PostgresJdbcProfile;
}
