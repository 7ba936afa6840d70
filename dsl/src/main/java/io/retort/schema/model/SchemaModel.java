package io.retort.schema.model;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A whole schema as values that compare: tables, sequences and named enum types, built from an application's
 * {@code MetaData} for a dialect ({@link io.retort.compile.DeclaredSchema}) or reflected from a live database. Two models are equal
 * when a database built from one has nothing to change to be the other.
 *
 * @param tables    the tables
 * @param sequences the sequences
 * @param enumTypes the named enum types
 */
public record SchemaModel(List<TableModel> tables, List<SequenceModel> sequences, List<EnumTypeModel> enumTypes) {
    public SchemaModel {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        enumTypes = List.copyOf(enumTypes);
    }

    /** @return a schema with nothing in it */
    public static SchemaModel empty() {
        return new SchemaModel(List.of(), List.of(), List.of());
    }

    /**
     * @param schema a schema's name, or {@code null} for the default one
     * @param name   a table's name
     * @return the table, or {@code null}
     */
    public @Nullable TableModel table(@Nullable String schema, String name) {
        for (TableModel t : tables) {
            if (t.name().equals(name) && java.util.Objects.equals(t.schema(), schema)) {
                return t;
            }
        }
        return null;
    }
}
