package io.retort.compile;

import io.retort.schema.CheckConstraint;
import io.retort.schema.Column;
import io.retort.schema.ForeignKey;
import io.retort.schema.Index;
import io.retort.schema.MetaData;
import io.retort.schema.Sequence;
import io.retort.schema.Table;
import io.retort.schema.UniqueConstraint;
import io.retort.schema.model.CheckModel;
import io.retort.schema.model.ColumnModel;
import io.retort.schema.model.EnumTypeModel;
import io.retort.schema.model.ForeignKeyModel;
import io.retort.schema.model.IndexModel;
import io.retort.schema.model.PrimaryKeyModel;
import io.retort.schema.model.SchemaModel;
import io.retort.schema.model.SequenceModel;
import io.retort.schema.model.TableModel;
import io.retort.schema.model.UniqueModel;
import io.retort.type.EnumType;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema an application declares, as the values a comparison with a live database needs: each type, default
 * and condition as the dialect writes it in DDL ({@code createAll}); a comparison brings it to the database's
 * spelling ({@code dialect.spelling()}).
 */
public final class DeclaredSchema {
    private DeclaredSchema() {
    }

    /**
     * @param metadata the declared tables and sequences
     * @param dialect  the database they are for
     * @return the model of what {@code createAll} builds on that database
     */
    public static SchemaModel of(MetaData metadata, Dialect dialect) {
        DdlCompiler ddl = new DdlCompiler(dialect);
        List<TableModel> tables = new ArrayList<>();
        for (Table t : metadata.tables()) {
            tables.add(table(t, dialect, ddl));
        }
        List<SequenceModel> sequences = new ArrayList<>();
        for (Sequence s : metadata.sequences()) {
            sequences.add(new SequenceModel(s.schema(), s.name(), s.start(), s.increment()));
        }
        List<EnumTypeModel> enums = new ArrayList<>();
        if (dialect.supports(Capability.NATIVE_ENUM_TYPE)) {
            for (EnumType<?> e : DdlCompiler.nativeEnumTypes(metadata).values()) {
                List<String> labels = new ArrayList<>();
                for (Object constant : e.javaType().getEnumConstants()) {
                    labels.add(((Enum<?>) constant).name());
                }
                enums.add(new EnumTypeModel(e.nativeName(), labels));
            }
        }
        return new SchemaModel(tables, sequences, enums);
    }

    static TableModel table(Table t, Dialect dialect, DdlCompiler ddl) {
        List<ColumnModel> columns = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            if (c.isIdentity() && !DdlCompiler.isInteger(c.type())) {
                throw new io.retort.exception.UnsupportedByDialectException("Column [" + c + "] is an identity column but "
                        + "its type [" + c.type() + "] is not an integer type");
            }
            boolean key = t.primaryKeyColumns().contains(c);
            columns.add(new ColumnModel(c.name(), dialect.typeName(c.type()), c.nullable() && !key,
                    c.isIdentity() ? null : c.serverDefault(), c.isIdentity(), c.comment()));
        }
        PrimaryKeyModel primaryKey = t.primaryKeyColumns().isEmpty() ? null
                : new PrimaryKeyModel(DdlCompiler.primaryKeyName(t), names(t.primaryKeyColumns()));
        List<ForeignKeyModel> foreignKeys = new ArrayList<>();
        for (ForeignKey fk : t.foreignKeys()) {
            foreignKeys.add(new ForeignKeyModel(fk.name(), names(fk.columns()), fk.referencedTable().schema(),
                    fk.referencedTable().name(), names(fk.referencedColumns()), fk.onDelete(), fk.onUpdate()));
        }
        List<UniqueModel> uniques = new ArrayList<>();
        for (UniqueConstraint u : t.uniqueConstraints()) {
            uniques.add(new UniqueModel(u.name(), names(u.columns())));
        }
        List<CheckModel> checks = new ArrayList<>();
        for (CheckConstraint ck : t.checkConstraints()) {
            checks.add(new CheckModel(ck.name(), ddl.conditionSql(t, ck.condition())));
        }
        List<IndexModel> indexes = new ArrayList<>();
        for (Index ix : t.indexes()) {
            indexes.add(new IndexModel(ix.name(), names(ix.columns()), ix.unique(),
                    ix.where() == null ? null : ddl.conditionSql(t, ix.where())));
        }
        return new TableModel(t.schema(), t.name(), columns, primaryKey, foreignKeys, uniques, checks, indexes,
                t.comment());
    }

    private static List<String> names(List<? extends Column<?>> columns) {
        List<String> out = new ArrayList<>(columns.size());
        for (Column<?> c : columns) {
            out.add(c.name());
        }
        return out;
    }
}
