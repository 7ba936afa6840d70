/**
 * Retort's DSL and ORM core: schema metadata, the typed expression language, statements, the SQL compiler and its
 * dialects, mapping metadata, and the I/O-free unit of work. Exports the API; the {@code internal} packages are
 * open only to Retort's own engines.
 */
module io.retort.dsl {
    requires transitive java.sql;
    requires static transitive org.jspecify;

    exports io.retort;
    exports io.retort.type;
    exports io.retort.expression;
    exports io.retort.schema;
    exports io.retort.schema.model;
    exports io.retort.schema.change;
    exports io.retort.statement;
    exports io.retort.compile;
    exports io.retort.dialect;
    exports io.retort.ddl;
    exports io.retort.engine;
    exports io.retort.orm;
    exports io.retort.orm.annotation;
    exports io.retort.exception;

    exports io.retort.compile.internal to io.retort.jdbc, io.retort.reactive;
    exports io.retort.engine.internal to io.retort.jdbc, io.retort.reactive;
    exports io.retort.exception.internal to io.retort.jdbc, io.retort.reactive;
    exports io.retort.orm.internal to io.retort.jdbc, io.retort.reactive;
    exports io.retort.type.internal to io.retort.jdbc, io.retort.reactive;
    // H2's URL syntax, for the two H2 driver profiles
    exports io.retort.dialect.internal to io.retort.jdbc, io.retort.reactive;

    uses io.retort.dialect.DialectProvider;
    provides io.retort.dialect.DialectProvider with
            io.retort.dialect.h2.H2DialectProvider,
            io.retort.dialect.postgres.PostgresDialectProvider;
}
