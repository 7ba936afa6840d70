package io.retort.compile;

import io.retort.schema.ReferentialAction;
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
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How one database's catalog is read into a {@link SchemaModel}, with no I/O: the queries to run, then the model
 * built from their rows. Both engines run it ({@code engine.inspect(...)}). Names are reported as Retort writes
 * them (a name the database folded to its own case comes back as it was declared), types, defaults and conditions
 * as the catalog spells them (a comparison normalises them with {@code dialect.spelling()}), and what the database
 * made on its own for a constraint (the index behind a
 * unique or foreign key) is left out, so a schema created from metadata and reflected back compares equal.
 *
 * <p>A dialect writes seven queries whose rows have these shapes (lists of names joined by {@link #SEPARATOR}):
 * the connection's current schema {@code (schema)}; tables {@code (schema, table, comment)}; columns {@code (schema, table, column, default, nullable, identity,
 * comment, type fields...)}, in column order; constraints {@code (schema, table, name, kind P/U/F/C, columns,
 * referenced schema, referenced table, referenced columns, on update, on delete, check condition)}; indexes
 * {@code (schema, table, name, unique, columns, condition)}; sequences {@code (schema, name, start, increment)};
 * enum types {@code (schema, name, labels)}.
 */
public abstract class SchemaInspection {
    /** Joins names in one column of a catalog query's row (a character no identifier Retort accepts contains). */
    public static final String SEPARATOR = "\u001f";

    private final Dialect dialect;

    /** @param dialect the dialect whose canonical spellings the model uses */
    protected SchemaInspection(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * @param schemas the schemas to read; {@code null} stands for the connection's default schema
     * @return the seven queries, in the order their rows are handed to {@link #model}
     */
    public abstract List<String> queries(List<@Nullable String> schemas);

    /**
     * @param row        a row of the columns query
     * @param typeFields where its type fields start
     * @return the column's type as DDL would write it (the dialect makes it canonical)
     */
    protected abstract String columnType(Object[] row, int typeFields);

    /**
     * @param stored a name as the catalog stores it
     * @return the name as Retort declares it (databases that fold unquoted names report them folded)
     */
    protected abstract String declaredName(String stored);

    /**
     * @param reflected a CHECK constraint's condition as the catalog gives it
     * @return the condition alone, as it would follow {@code CHECK} in DDL
     */
    protected String checkCondition(String reflected) {
        return reflected;
    }

    /** @return the SQL expression naming the connection's current schema, which the model reports as {@code null} */
    protected abstract String currentSchemaSql();

    /**
     * @param schemas schema names as an engine's {@code inspect(...)} takes them
     * @return the list {@link #queries} takes: {@code null} (the default schema) when none is given
     */
    public static List<@Nullable String> schemas(String... schemas) {
        List<@Nullable String> names = new ArrayList<>();
        if (schemas == null || schemas.length == 0) {
            names.add(null);
        } else {
            java.util.Collections.addAll(names, schemas);
        }
        return names;
    }

    /** @return the dialect */
    protected final Dialect dialect() {
        return dialect;
    }

    /**
     * @param schemas the schemas read, as given to {@link #queries}
     * @param all     the rows of each query, each row its column values in order
     * @return the schema they describe; the default schema's objects have a {@code null} schema
     */
    public SchemaModel model(List<@Nullable String> schemas, List<List<Object[]>> all) {
        String current = (String) all.get(0).get(0)[0];
        List<List<Object[]>> results = all.subList(1, all.size());
        Map<List<Object>, TableBuilder> tables = new LinkedHashMap<>();
        for (Object[] row : results.get(0)) {
            String schema = schemaOf(row[0], current);
            String name = declaredName((String) row[1]);
            tables.put(Arrays.asList(schema, name), new TableBuilder(schema, name, (String) row[2]));
        }
        for (Object[] row : results.get(1)) {
            TableBuilder t = tables.get(Arrays.asList(schemaOf(row[0], current), declaredName((String) row[1])));
            if (t == null) {
                continue;
            }
            t.columns.add(new ColumnModel(declaredName((String) row[2]), columnType(row, 7),
                    truth(row[4]), (String) row[3], truth(row[5]), (String) row[6]));
        }
        for (Object[] row : results.get(2)) {
            TableBuilder t = tables.get(Arrays.asList(schemaOf(row[0], current), declaredName((String) row[1])));
            if (t == null) {
                continue;
            }
            String name = declaredName((String) row[2]);
            List<String> columns = names(row[4]);
            switch (((String) row[3]).toUpperCase(Locale.ROOT).charAt(0)) {
                case 'P' -> t.primaryKey = new PrimaryKeyModel(name, columns);
                case 'U' -> t.uniques.add(new UniqueModel(name, columns));
                case 'F' -> t.foreignKeys.add(new ForeignKeyModel(name, columns, schemaOf(row[5], current),
                        declaredName((String) row[6]), names(row[7]), action((String) row[9]), action((String) row[8])));
                case 'C' -> t.checks.add(new CheckModel(name, checkCondition((String) row[10])));
                default -> {
                    // another kind of constraint (an exclusion constraint): not part of Retort's model
                }
            }
        }
        for (Object[] row : results.get(3)) {
            TableBuilder t = tables.get(Arrays.asList(schemaOf(row[0], current), declaredName((String) row[1])));
            if (t != null) {
                String where = (String) row[5];
                t.indexes.add(new IndexModel(declaredName((String) row[2]), names(row[4]), truth(row[3]), where));
            }
        }
        List<SequenceModel> sequences = new ArrayList<>();
        for (Object[] row : results.get(4)) {
            sequences.add(new SequenceModel(schemaOf(row[0], current), declaredName((String) row[1]), ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue()));
        }
        List<EnumTypeModel> enums = new ArrayList<>();
        for (Object[] row : results.get(5)) {
            enums.add(new EnumTypeModel(declaredName((String) row[1]), names(row[2])));
        }
        List<TableModel> built = new ArrayList<>();
        for (TableBuilder t : tables.values()) {
            built.add(t.build());
        }
        return new SchemaModel(built, sequences, enums);
    }

    private @Nullable String schemaOf(@Nullable Object stored, String current) {
        return stored == null || stored.equals(current) ? null : declaredName((String) stored);
    }

    private List<String> names(@Nullable Object joined) {
        if (joined == null || ((String) joined).isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String n : ((String) joined).split(SEPARATOR, -1)) {
            out.add(declaredName(n));
        }
        return out;
    }

    /** @return the truth of a catalog flag: a boolean, or YES/NO, Y/N, t/f as catalogs spell it */
    protected static boolean truth(@Nullable Object flag) {
        if (flag instanceof Boolean b) {
            return b;
        }
        if (flag == null) {
            return false;
        }
        String s = flag.toString().trim().toUpperCase(Locale.ROOT);
        return s.equals("YES") || s.equals("Y") || s.equals("TRUE") || s.equals("T") || s.equals("ALWAYS")
                || s.equals("BY DEFAULT") || s.equals("A") || s.equals("D");
    }

    /** @return the action a catalog names ({@code CASCADE}, PostgreSQL's one-letter codes, ...) */
    protected static ReferentialAction action(@Nullable String named) {
        if (named == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (named.trim().toUpperCase(Locale.ROOT)) {
            case "CASCADE", "C" -> ReferentialAction.CASCADE;
            case "SET NULL", "N" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT", "D" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT", "R" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    /**
     * @param schemas schemas, {@code null} for the default one
     * @param column  the catalog column holding a schema's name
     * @return a condition on {@code column} selecting them, the default one as the connection's current schema
     */
    protected final String schemaCondition(List<@Nullable String> schemas, String column) {
        StringBuilder in = new StringBuilder(column).append(" IN (");
        for (int i = 0; i < schemas.size(); i++) {
            String s = schemas.get(i);
            in.append(i > 0 ? ", " : "").append(s == null ? currentSchemaSql() : dialect.stringLiteral(storedName(s)));
        }
        return in.append(')').toString();
    }

    /**
     * @param declared a name as Retort declares it
     * @return the name as the catalog stores it
     */
    protected String storedName(String declared) {
        return declared;
    }

    private static final class TableBuilder {
        final @Nullable String schema;
        final String name;
        final @Nullable String comment;
        final List<ColumnModel> columns = new ArrayList<>();
        @Nullable PrimaryKeyModel primaryKey;
        final List<ForeignKeyModel> foreignKeys = new ArrayList<>();
        final List<UniqueModel> uniques = new ArrayList<>();
        final List<CheckModel> checks = new ArrayList<>();
        final List<IndexModel> indexes = new ArrayList<>();

        TableBuilder(@Nullable String schema, String name, @Nullable String comment) {
            this.schema = schema;
            this.name = name;
            this.comment = comment;
        }

        TableModel build() {
            return new TableModel(schema, name, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment);
        }
    }
}
