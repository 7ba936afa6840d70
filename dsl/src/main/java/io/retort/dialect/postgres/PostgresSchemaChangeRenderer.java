package io.retort.dialect.postgres;

import io.retort.compile.Dialect;
import io.retort.compile.SchemaChangeRenderer;
import io.retort.schema.change.SchemaChange;
import io.retort.schema.model.ColumnModel;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * PostgreSQL's DDL for schema changes: a type change converts the values it holds ({@code USING column::type}),
 * enum types are named types of their own, and an index lives in its table's schema, so CREATE INDEX names it
 * unqualified.
 */
final class PostgresSchemaChangeRenderer extends SchemaChangeRenderer {
    PostgresSchemaChangeRenderer(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String changeType(ColumnModel to) {
        return "TYPE " + to.type() + " USING " + dialect().identifier(to.name()) + "::" + to.type();
    }

    @Override
    protected String createIndex(@Nullable String schema, String table, io.retort.schema.model.IndexModel ix) {
        return "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX " + ifNotExists() + dialect().identifier(ix.name())
                + " ON " + table(schema, table) + " (" + columns(ix.columns()) + ")" + where(ix);
    }

    @Override
    protected void createEnumType(SchemaChange.CreateEnumType c, List<String> out) {
        String create = "CREATE TYPE " + dialect().identifier(c.type().name()) + " AS ENUM (" + String.join(", ",
                c.type().values().stream().map(dialect()::stringLiteral).toList()) + ")";
        // PostgreSQL has no CREATE TYPE IF NOT EXISTS: a duplicate is ignored instead
        out.add(isTolerant() ? "DO $$ BEGIN " + create + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$" : create);
    }

    @Override
    protected void dropEnumType(SchemaChange.DropEnumType c, List<String> out) {
        out.add("DROP TYPE " + ifExists() + dialect().identifier(c.type().name()));
    }

    @Override
    protected void addEnumValue(SchemaChange.AddEnumValue c, List<String> out) {
        out.add("ALTER TYPE " + dialect().identifier(c.type()) + " ADD VALUE " + dialect().stringLiteral(c.value())
                + (c.before() == null ? "" : " BEFORE " + dialect().stringLiteral(c.before())));
    }
}
