/**
 * Retort's migrations: revisions as Java classes over the schema-change vocabulary, a version table, upgrade and
 * downgrade along the revision history, and autogenerate, which compares an application's metadata with the live
 * database and writes the revision's source.
 */
module io.retort.migrate {
    requires transitive io.retort.jdbc;
    requires org.slf4j;
    requires info.picocli;

    exports io.retort.migrate;
    opens io.retort.migrate to info.picocli;
}
