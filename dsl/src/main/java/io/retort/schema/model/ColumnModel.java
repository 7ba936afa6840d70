package io.retort.schema.model;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * A column as a schema comparison sees it: its type in the dialect's canonical spelling (so a declared
 * {@code varchar(100)} and a reflected {@code character varying(100)} are the same string), nullability, the server
 * default in the dialect's normal form, and whether the database generates it.
 *
 * @param name          the column's name
 * @param type          the SQL type, canonical for the dialect ({@code VARCHAR(100)}, {@code INTEGER})
 * @param nullable      whether NULL is allowed
 * @param serverDefault the default expression, normalised by the dialect, or {@code null}
 * @param identity      whether it is an identity column
 * @param comment       the comment, or {@code null}
 */
public record ColumnModel(String name, String type, boolean nullable, @Nullable String serverDefault,
                          boolean identity, @Nullable String comment) {
    public ColumnModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /**
     * @param nullable whether NULL is allowed
     * @return this column with that nullability
     */
    public ColumnModel withNullable(boolean nullable) {
        return new ColumnModel(name, type, nullable, serverDefault, identity, comment);
    }

    /**
     * @param name another name
     * @return this column under that name
     */
    public ColumnModel withName(String name) {
        return new ColumnModel(name, type, nullable, serverDefault, identity, comment);
    }
}
