package io.retort.schema;

import org.jspecify.annotations.Nullable;
import io.retort.exception.NoSuchColumnException;
import io.retort.expression.Condition;
import io.retort.expression.FromNode;
import io.retort.expression.Star;
import io.retort.type.DataType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A table: its name, typed columns and constraints. Declare one as a class whose fields are its columns,
 * with one shared instance:
 *
 * <pre>{@code
 * public final class Users extends Table {
 *     public static final Users USERS = new Users();
 *     public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
 *     public final Column<String> NAME = column("name", varchar(100), notNull());
 *     private Users() { super("users"); }
 * }
 * }</pre>
 *
 * A table is built in its constructor and never changes afterwards; statements refer to it by identity.
 */
public abstract class Table implements FromNode {
    private final String schema;
    private final String name;
    private final List<Column<?>> columns = new ArrayList<>();
    private final List<Column<?>> columnsView = Collections.unmodifiableList(columns);
    private final List<Column<?>> primaryKey = new ArrayList<>();
    private final List<Column<?>> primaryKeyView = Collections.unmodifiableList(primaryKey);
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<ForeignKey> foreignKeysView = Collections.unmodifiableList(foreignKeys);
    private final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
    private final List<CheckConstraint> checkConstraints = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final java.util.Map<String, String> renamedColumns = new java.util.LinkedHashMap<>();
    private String comment;

    /** @param name the table's name */
    protected Table(String name) {
        this(null, name);
    }

    /**
     * @param schema the schema the table lives in, or {@code null} for the default one
     * @param name   the table's name
     */
    protected Table(@Nullable String schema, String name) {
        this.schema = schema == null ? null : Identifiers.check(schema, "schema");
        this.name = Identifiers.check(name, "table");
    }

    // ---- declaring ---------------------------------------------------------------------------

    /**
     * Declares a column.
     *
     * @param name    the column's name
     * @param type    its SQL type
     * @param options primary key, nullability, defaults, constraints, a foreign key reference
     * @param <T>     its Java type
     * @return the column
     */
    protected final <T> Column<T> column(String name, DataType<T> type, ColumnOption... options) {
        ColumnSettings settings = settings(options);
        return register(new Column<>(this, name, type, settings), options);
    }

    /**
     * Adds a column made by a subclass (for mapping layers that extend {@link Column}) and applies
     * the table-level part of its options.
     *
     * @param column  the column, owned by this table
     * @param options the options it was declared with
     * @param <C>     the column's class
     * @return the column
     */
    protected final <C extends Column<?>> C register(C column, ColumnOption... options) {
        if (column.table() != this) {
            throw new IllegalArgumentException("Column [" + column.name() + "] belongs to another table");
        }
        for (Column<?> c : columns) {
            if (c.name().equals(column.name())) {
                throw new IllegalArgumentException("Table [" + name + "] already has a column named [" + column.name() + "]");
            }
        }
        columns.add(column);
        for (ColumnOption option : options) {
            Objects.requireNonNull(option, "option");
            if (option instanceof ColumnOption.PrimaryKey) {
                primaryKey.add(column);
            } else if (option instanceof ColumnOption.Unique) {
                uniqueConstraints.add(new UniqueConstraint(Identifiers.derive("uq", name, column.name()), List.of(column)));
            } else if (option instanceof ColumnOption.Indexed ix) {
                indexes.add(new Index(Identifiers.derive(ix.unique() ? "uix" : "ix", name, column.name()), this,
                        List.of(column), ix.unique(), null));
            } else if (option instanceof ColumnOption.Check check) {
                String checkName = check.name() != null ? check.name() : Identifiers.derive("ck", name, column.name());
                checkConstraints.add(new CheckConstraint(checkName, check.condition().apply(column)));
            } else if (option instanceof ColumnOption.RenamedFrom r) {
                renamedColumns.put(column.name(), Identifiers.check(r.previousName(), "column"));
            } else if (option instanceof ColumnOption.References ref) {
                foreignKeys.add(new ForeignKey(null, this, List.of(column), ref::targetList, ref.onDelete(), ref.onUpdate()));
            }
        }
        return column;
    }

    /**
     * Gathers the options a column carries itself.
     *
     * @param options the declared options
     * @return the column settings
     */
    protected static ColumnSettings settings(ColumnOption... options) {
        boolean nullable = true;
        boolean pk = false;
        boolean identity = false;
        Supplier<?> clientDefault = null;
        String serverDefault = null;
        String comment = null;
        for (ColumnOption option : options) {
            Objects.requireNonNull(option, "option");
            if (option instanceof ColumnOption.PrimaryKey) {
                pk = true;
            } else if (option instanceof ColumnOption.Nullable n) {
                nullable = n.nullable();
            } else if (option instanceof ColumnOption.Identity) {
                identity = true;
            } else if (option instanceof ColumnOption.ClientDefault d) {
                clientDefault = d.supplier();
            } else if (option instanceof ColumnOption.ServerDefault d) {
                serverDefault = d.sql();
            } else if (option instanceof ColumnOption.Comment c) {
                comment = c.text();
            }
        }
        return new ColumnSettings(nullable && !pk, pk, identity, clientDefault, serverDefault, comment);
    }

    /**
     * Declares a composite primary key.
     *
     * @param columns the key's columns, in order
     */
    protected final void primaryKeyConstraint(Column<?>... columns) {
        if (!primaryKey.isEmpty()) {
            throw new IllegalStateException("Table [" + name + "] already has a primary key " + primaryKey);
        }
        primaryKey.addAll(ownColumns(columns));
    }

    /**
     * Declares a (composite) foreign key.
     *
     * @param columns  the referencing columns of this table
     * @param target   the referenced columns, in the same order, resolved lazily
     * @param onDelete the action on delete
     * @param onUpdate the action on update
     */
    protected final void foreignKeyConstraint(List<? extends Column<?>> columns,
                                              Supplier<List<? extends Column<?>>> target,
                                              ReferentialAction onDelete, ReferentialAction onUpdate) {
        foreignKeys.add(new ForeignKey(null, this, ownColumns(columns.toArray(new Column<?>[0])), target, onDelete, onUpdate));
    }

    /**
     * Declares a (composite) unique constraint.
     *
     * @param name    the constraint's name
     * @param columns its columns
     */
    protected final void uniqueConstraint(String name, Column<?>... columns) {
        uniqueConstraints.add(new UniqueConstraint(name, ownColumns(columns)));
    }

    /**
     * Declares a check constraint.
     *
     * @param name      the constraint's name
     * @param condition the condition every row satisfies
     */
    protected final void checkConstraint(String name, Condition condition) {
        checkConstraints.add(new CheckConstraint(name, condition));
    }

    /**
     * Declares an index.
     *
     * @param name    the index's name
     * @param columns its columns, in order
     */
    protected final void index(String name, Column<?>... columns) {
        indexes.add(new Index(name, this, ownColumns(columns), false, null));
    }

    /**
     * Declares a unique index.
     *
     * @param name    the index's name
     * @param columns its columns
     */
    protected final void uniqueIndex(String name, Column<?>... columns) {
        indexes.add(new Index(name, this, ownColumns(columns), true, null));
    }

    /**
     * Declares a partial index (PostgreSQL; creating it on another dialect fails with a clear error).
     *
     * @param name    the index's name
     * @param unique  whether it is unique
     * @param where   the rows it covers
     * @param columns its columns
     */
    protected final void partialIndex(String name, boolean unique, Condition where, Column<?>... columns) {
        indexes.add(new Index(name, this, ownColumns(columns), unique, Objects.requireNonNull(where, "where")));
    }

    /** @param text the table's comment */
    protected final void tableComment(String text) {
        this.comment = text;
    }

    private List<Column<?>> ownColumns(Column<?>... cols) {
        if (cols.length == 0) {
            throw new IllegalArgumentException("At least one column is needed");
        }
        for (Column<?> c : cols) {
            Objects.requireNonNull(c, "column (declare constraints after the columns they use)");
            if (c.table() != this) {
                throw new IllegalArgumentException("Column [" + c + "] is not a column of [" + name + "]");
            }
        }
        return Arrays.asList(cols);
    }

    // ---- column options ----------------------------------------------------------------------

    /** @return the {@code PRIMARY KEY} option */
    protected static ColumnOption primaryKey() {
        return new ColumnOption.PrimaryKey();
    }

    /** @return the {@code NOT NULL} option */
    protected static ColumnOption notNull() {
        return new ColumnOption.Nullable(false);
    }

    /** @return the single-column {@code UNIQUE} option */
    protected static ColumnOption unique() {
        return new ColumnOption.Unique();
    }

    /** @return the single-column index option */
    protected static ColumnOption indexed() {
        return new ColumnOption.Indexed(false);
    }

    /** @return the identity option ({@code GENERATED BY DEFAULT AS IDENTITY}) */
    protected static ColumnOption identity() {
        return new ColumnOption.Identity();
    }

    /** @param supplier makes the value @return a client-side default */
    protected static ColumnOption defaultValue(Supplier<?> supplier) {
        return new ColumnOption.ClientDefault(Objects.requireNonNull(supplier, "supplier"));
    }

    /** @param sql the DDL default expression @return {@code DEFAULT sql} */
    protected static ColumnOption serverDefault(String sql) {
        return new ColumnOption.ServerDefault(Objects.requireNonNull(sql, "sql"));
    }

    /**
     * A single-column check, written with the column's type: {@code check((Column<Integer> c) -> c.ge(0))}.
     *
     * @param condition builds the check from the column
     * @param <T>       the column's Java type
     * @return a single-column {@code CHECK}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected static <T> ColumnOption check(Function<Column<T>, Condition> condition) {
        Objects.requireNonNull(condition, "condition");
        return new ColumnOption.Check(null, (Function) condition);
    }

    /** @param text the comment @return a column comment */
    protected static ColumnOption comment(String text) {
        return new ColumnOption.Comment(Objects.requireNonNull(text, "text"));
    }

    /**
     * @param previousName the column's name before a rename, still in the database
     * @return the hint that makes autogenerate write a rename instead of a drop and an add
     */
    protected static ColumnOption renamedFrom(String previousName) {
        return new ColumnOption.RenamedFrom(Objects.requireNonNull(previousName, "previousName"));
    }

    /**
     * @param target the referenced column, as {@code () -> USERS.ID}
     * @return a foreign key reference, refined with {@code .onDelete(CASCADE)}
     */
    protected static ColumnOption.References references(Supplier<? extends Column<?>> target) {
        return new ColumnOption.References(Objects.requireNonNull(target, "target"),
                ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    }

    // ---- reading -----------------------------------------------------------------------------

    /** @return the class an ORM entity table maps its rows to, or {@code null} for a plain table */
    public @org.jspecify.annotations.Nullable Class<?> mappedType() {
        return null;
    }

    /** @return the table's name */
    public final String name() {
        return name;
    }

    /** @return the schema, or {@code null} */
    public final @Nullable String schema() {
        return schema;
    }

    @Override
    public final String qualifier() {
        return name;
    }

    @Override
    public final String qualifierSchema() {
        return schema;
    }

    /** @return the columns in declaration order */
    public final List<Column<?>> columns() {
        return columnsView;
    }

    /** @return the primary key's columns, empty when there is none */
    public final List<Column<?>> primaryKeyColumns() {
        return primaryKeyView;
    }

    /** @return the foreign keys */
    public final List<ForeignKey> foreignKeys() {
        return foreignKeysView;
    }

    /** @return the unique constraints */
    public final List<UniqueConstraint> uniqueConstraints() {
        return Collections.unmodifiableList(uniqueConstraints);
    }

    /** @return the check constraints */
    public final List<CheckConstraint> checkConstraints() {
        return Collections.unmodifiableList(checkConstraints);
    }

    /** @return the names of renamed columns before the rename, by their new name ({@code renamedFrom}) */
    public final java.util.Map<String, String> renamedColumns() {
        return java.util.Collections.unmodifiableMap(renamedColumns);
    }

    /** @return its indexes */
    public final List<Index> indexes() {
        return Collections.unmodifiableList(indexes);
    }

    /** @return the table's comment, or {@code null} */
    public final @Nullable String comment() {
        return comment;
    }

    /**
     * Finds a column by name, for string-driven code; typed code uses the fields.
     *
     * @param columnName the column's name
     * @return the column
     * @throws NoSuchColumnException naming the table and the nearest existing column
     */
    public final Column<?> c(String columnName) {
        Objects.requireNonNull(columnName, "columnName");
        for (Column<?> column : columns) {
            if (column.name().equals(columnName)) {
                return column;
            }
        }
        throw new NoSuchColumnException("Table [" + name + "] has no column [" + columnName + "]"
                + NameSuggestions.hint(columnName, columns.stream().map(Column::name).toList()));
    }

    /**
     * Finds a column by name and checks its Java type.
     *
     * @param columnName the column's name
     * @param javaType   the expected Java type
     * @param <T>        the Java type
     * @return the column
     */
    @SuppressWarnings("unchecked")
    public final <T> Column<T> c(String columnName, Class<T> javaType) {
        Column<?> column = c(columnName);
        if (!javaType.equals(column.type().javaType())) {
            throw new io.retort.exception.TypeMismatchException("Column [" + column + "] holds ["
                    + column.type().javaType().getName() + "], not [" + javaType.getName() + "]");
        }
        return (Column<T>) column;
    }

    /**
     * @param alias the alias
     * @return this table under another name, for self-joins
     */
    public final TableAlias as(String alias) {
        return new TableAlias(this, alias);
    }

    /** @return {@code table.*} */
    public final Star star() {
        return new Star(this);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
