package io.retort.testkit;

import io.retort.jdbc.EngineOptions;
import io.retort.orm.EntityTable;
import io.retort.orm.SessionOptions;
import io.retort.r2dbc.AsyncEngineOptions;
import io.retort.schema.MetaData;
import io.retort.schema.Table;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** What a {@link RetortExtension} was configured with, from its builder or from {@link RetortTest}. Immutable. */
final class ExtensionSettings {
    final MetaData metadata;
    final String url;
    final String urlVariable;
    final String r2dbcUrl;
    final String r2dbcUrlVariable;
    final SchemaSetup schema;
    final TestIsolation isolation;
    final int poolSize;
    final SessionOptions sessionOptions;
    final EngineOptions engineOptions;
    final AsyncEngineOptions asyncEngineOptions;

    ExtensionSettings(MetaData metadata, String url, String urlVariable, String r2dbcUrl, String r2dbcUrlVariable,
                      SchemaSetup schema, TestIsolation isolation, int poolSize, SessionOptions sessionOptions,
                      EngineOptions engineOptions, AsyncEngineOptions asyncEngineOptions) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got [" + poolSize + "]");
        }
        this.metadata = metadata;
        this.url = url;
        this.urlVariable = urlVariable;
        this.r2dbcUrl = r2dbcUrl;
        this.r2dbcUrlVariable = r2dbcUrlVariable;
        this.schema = schema;
        this.isolation = isolation;
        this.poolSize = poolSize;
        this.sessionOptions = sessionOptions;
        this.engineOptions = engineOptions.withMaxPoolSize(poolSize).withMinIdle(0);
        this.asyncEngineOptions = asyncEngineOptions.withMaxPoolSize(poolSize);
    }

    static ExtensionSettings of(RetortTest annotation) {
        List<Table> tables = new ArrayList<>();
        for (Class<? extends Table> type : annotation.tables()) {
            tables.add(instanceOf(type));
        }
        return new ExtensionSettings(MetaData.of(tables.toArray(new Table[0])), annotation.url(), annotation.urlVariable(),
                annotation.r2dbcUrl(), annotation.r2dbcUrlVariable(), annotation.schema(), annotation.isolation(),
                annotation.poolSize(), SessionOptions.defaults(), EngineOptions.DEFAULTS.withEcho(annotation.echo()),
                AsyncEngineOptions.DEFAULTS.withEcho(annotation.echo()));
    }

    /** @return the entity tables among the metadata's tables, which the sessions map */
    EntityTable<?>[] entityTables() {
        return metadata.tables().stream().filter(t -> t instanceof EntityTable<?>).toArray(EntityTable<?>[]::new);
    }

    /** The one instance a table class keeps in a static field of its own type, as Retort's table classes do. */
    static Table instanceOf(Class<? extends Table> type) {
        Table found = null;
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && type.isAssignableFrom(f.getType())) {
                if (found != null) {
                    throw new IllegalArgumentException(type.getName() + " holds more than one instance of itself in static "
                            + "fields; list its table through RetortExtension.builder().tables(...) instead");
                }
                try {
                    f.trySetAccessible();
                    found = (Table) f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalArgumentException("Cannot read " + type.getName() + "." + f.getName()
                            + ": make it public, or list the table through RetortExtension.builder().tables(...)", e);
                }
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(type.getName() + " holds no instance of itself in a static field: declare "
                    + "one (public static final " + type.getSimpleName() + " X = new " + type.getSimpleName()
                    + "();), or list the table through RetortExtension.builder().tables(...)");
        }
        return found;
    }
}
