package io.retort.dialect.h2;

import io.retort.compile.Dialect;
import io.retort.compile.SchemaChangeRenderer;
import io.retort.schema.change.SchemaChange;

import java.util.ArrayList;
import java.util.List;

/**
 * H2's DDL for schema changes. H2's {@code DROP TABLE IF EXISTS s.t} fails when the schema {@code s} does not exist
 * (PostgreSQL skips it with a notice), so a tolerant drop ({@code dropAll}) in another schema makes sure the schema
 * is there first. And H2 looks up an unqualified table a foreign key references in the schema of the table being
 * created, not in the current schema, so a reference from another schema to the default one names {@code PUBLIC}
 * (H2's default schema; an engine on another default schema must qualify its tables).
 */
final class H2SchemaChangeRenderer extends SchemaChangeRenderer {
    H2SchemaChangeRenderer(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String referencedTable(@org.jspecify.annotations.Nullable String owningSchema,
                                     io.retort.schema.model.ForeignKeyModel fk) {
        if (owningSchema != null && fk.referencedSchema() == null) {
            return table("PUBLIC", fk.referencedTable());
        }
        return super.referencedTable(owningSchema, fk);
    }

    @Override
    public List<String> sql(SchemaChange change) {
        String schema = change instanceof SchemaChange.DropTable d ? d.table().schema()
                : change instanceof SchemaChange.DropSequence q ? q.sequence().schema()
                : change instanceof SchemaChange.DropForeignKey f ? f.schema() : null;
        if (!isTolerant() || schema == null) {
            return super.sql(change);
        }
        List<String> out = new ArrayList<>(super.sql(new SchemaChange.CreateSchema(schema)));
        out.addAll(super.sql(change));
        return out;
    }
}
