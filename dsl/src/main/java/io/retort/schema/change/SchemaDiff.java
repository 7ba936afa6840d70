package io.retort.schema.change;

import io.retort.schema.model.CheckModel;
import io.retort.schema.model.ColumnModel;
import io.retort.schema.model.EnumTypeModel;
import io.retort.schema.model.ForeignKeyModel;
import io.retort.schema.model.IndexModel;
import io.retort.schema.model.SchemaModel;
import io.retort.schema.model.SequenceModel;
import io.retort.schema.model.TableModel;
import io.retort.schema.model.UniqueModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What must change for a database to hold the schema an application declares: the comparison behind autogenerate.
 * Both sides are {@link SchemaModel}s in the same dialect's canonical spelling, so synonyms and what a database
 * rewrites on its own do not show up. What cannot be decided safely is asked, not guessed: a column dropped and
 * another of the same type added in one table is offered as a rename ({@link Result#questions()}), with the drop
 * and the add kept until the user says otherwise; a label removed from an enum type is reported, never dropped.
 * Creations come parents first, drops children first; foreign keys between new tables that form a cycle are added
 * after the tables.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    /**
     * What a comparison found.
     *
     * @param changes   the changes that make the database match the declaration, in an order that runs
     * @param questions what a person must decide (possible renames, labels an enum type would lose), each a
     *                  sentence naming the objects
     */
    public record Result(List<SchemaChange> changes, List<String> questions) {
        public Result {
            changes = List.copyOf(changes);
            questions = List.copyOf(questions);
        }

        /** @return whether the database already holds the declared schema */
        public boolean isEmpty() {
            return changes.isEmpty();
        }
    }

    /**
     * @param declared what the application declares (its metadata's model)
     * @param actual   what the database holds (reflected), or the last revision's snapshot
     * @param ignored  names of tables to leave alone wherever they are (the migration tool's own version table)
     * @return the changes from {@code actual} to {@code declared}
     */
    public static Result compare(SchemaModel declared, SchemaModel actual, Set<String> ignored) {
        return compare(declared, actual, ignored, Map.of());
    }

    /**
     * @param declared what the application declares (its metadata's model)
     * @param actual   what the database holds (reflected), or the last revision's snapshot
     * @param ignored  names of tables to leave alone wherever they are
     * @param renames  columns declared as renamed ({@code renamedFrom}): the previous name, by
     *                 {@code table.column} or {@code schema.table.column} of the new name
     * @return the changes from {@code actual} to {@code declared}
     */
    public static Result compare(SchemaModel declared, SchemaModel actual, Set<String> ignored,
                                 Map<String, String> renames) {
        return compare(declared, actual, ignored, renames, SqlSpelling.VERBATIM);
    }

    /**
     * @param declared what the application declares (its metadata's model)
     * @param actual   what the database holds (reflected), or the last revision's snapshot
     * @param ignored  names of tables to leave alone wherever they are
     * @param renames  columns declared as renamed: the previous name, by {@code [schema.]table.column}
     * @param spelling how the database spells types, defaults and conditions: both sides are compared in it
     * @return the changes from {@code actual} to {@code declared}
     */
    public static Result compare(SchemaModel declared, SchemaModel actual, Set<String> ignored,
                                 Map<String, String> renames, SqlSpelling spelling) {
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(spelling, "spelling");
        Objects.requireNonNull(actual, "actual");
        List<SchemaChange> creates = new ArrayList<>();
        List<SchemaChange> alters = new ArrayList<>();
        List<SchemaChange> drops = new ArrayList<>();
        List<String> questions = new ArrayList<>();

        Set<String> schemas = new LinkedHashSet<>();
        for (TableModel t : declared.tables()) {
            if (t.schema() != null) {
                schemas.add(t.schema());
            }
        }
        for (SequenceModel q : declared.sequences()) {
            if (q.schema() != null) {
                schemas.add(q.schema());
            }
        }
        Set<String> existingSchemas = new HashSet<>();
        for (TableModel t : actual.tables()) {
            if (t.schema() != null) {
                existingSchemas.add(t.schema());
            }
        }
        for (String schema : schemas) {
            if (!existingSchemas.contains(schema)) {
                creates.add(new SchemaChange.CreateSchema(schema));
            }
        }

        Map<String, EnumTypeModel> actualEnums = byName(actual.enumTypes(), EnumTypeModel::name);
        Map<String, EnumTypeModel> declaredEnums = byName(declared.enumTypes(), EnumTypeModel::name);
        for (EnumTypeModel e : declared.enumTypes()) {
            EnumTypeModel was = actualEnums.get(e.name());
            if (was == null) {
                creates.add(new SchemaChange.CreateEnumType(e));
            } else if (!was.values().equals(e.values())) {
                enumLabels(was, e, alters, questions);
            }
        }

        Map<List<String>, SequenceModel> actualSequences = new LinkedHashMap<>();
        for (SequenceModel s : actual.sequences()) {
            actualSequences.put(Arrays.asList(s.schema(), s.name()), s);
        }
        Set<List<String>> declaredSequences = new HashSet<>();
        for (SequenceModel s : declared.sequences()) {
            declaredSequences.add(Arrays.asList(s.schema(), s.name()));
            if (!actualSequences.containsKey(Arrays.asList(s.schema(), s.name()))) {
                creates.add(new SchemaChange.CreateSequence(s));
            }
        }

        List<TableModel> newTables = new ArrayList<>();
        for (TableModel t : TableOrdering.parentsFirst(declared.tables())) {
            if (ignored.contains(t.name())) {
                continue;
            }
            TableModel was = actual.table(t.schema(), t.name());
            if (was == null) {
                newTables.add(t);
            } else {
                compareTable(was, t, alters, drops, questions, renames, spelling);
            }
        }
        creates.addAll(createTables(newTables));

        List<TableModel> gone = new ArrayList<>();
        for (TableModel t : actual.tables()) {
            boolean inScope = t.schema() == null || schemas.contains(t.schema());
            if (inScope && !ignored.contains(t.name()) && declared.table(t.schema(), t.name()) == null) {
                gone.add(t);
            }
        }
        drops.addAll(dropTables(gone));
        for (SequenceModel s : actual.sequences()) {
            boolean inScope = s.schema() == null || schemas.contains(s.schema());
            if (inScope && !declaredSequences.contains(Arrays.asList(s.schema(), s.name()))) {
                drops.add(new SchemaChange.DropSequence(s));
            }
        }
        for (EnumTypeModel e : actual.enumTypes()) {
            if (!declaredEnums.containsKey(e.name())) {
                drops.add(new SchemaChange.DropEnumType(e));
            }
        }

        List<SchemaChange> all = new ArrayList<>(creates);
        // constraints that go come off before the columns and tables they stand on
        all.addAll(alters.stream().filter(SchemaDiff::removesConstraint).toList());
        all.addAll(alters.stream().filter(c -> !removesConstraint(c) && !addsConstraint(c)).toList());
        all.addAll(drops);
        all.addAll(alters.stream().filter(SchemaDiff::addsConstraint).toList());
        return new Result(all, questions);
    }

    /**
     * @param schema a schema
     * @return the changes that build it from nothing, in an order that runs ({@code createAll})
     */
    public static List<SchemaChange> createAll(SchemaModel schema) {
        return compare(schema, SchemaModel.empty(), Set.of()).changes();
    }

    /**
     * @param schema a schema
     * @return the changes that drop all of it: foreign keys that form a cycle, tables children first, sequences,
     *         enum types ({@code dropAll})
     */
    public static List<SchemaChange> dropAll(SchemaModel schema) {
        List<SchemaChange> out = new ArrayList<>(dropTables(schema.tables()));
        for (SequenceModel q : schema.sequences()) {
            out.add(new SchemaChange.DropSequence(q));
        }
        for (EnumTypeModel e : schema.enumTypes()) {
            out.add(new SchemaChange.DropEnumType(e));
        }
        return out;
    }

    private static boolean removesConstraint(SchemaChange c) {
        return c instanceof SchemaChange.DropForeignKey || c instanceof SchemaChange.DropUnique
                || c instanceof SchemaChange.DropCheck || c instanceof SchemaChange.DropIndex
                || c instanceof SchemaChange.DropPrimaryKey;
    }

    private static boolean addsConstraint(SchemaChange c) {
        return c instanceof SchemaChange.AddForeignKey || c instanceof SchemaChange.AddUnique
                || c instanceof SchemaChange.AddCheck || c instanceof SchemaChange.CreateIndex
                || c instanceof SchemaChange.AddPrimaryKey;
    }

    private static void enumLabels(EnumTypeModel was, EnumTypeModel now, List<SchemaChange> out, List<String> questions) {
        List<String> missing = new ArrayList<>(was.values());
        missing.removeAll(now.values());
        if (!missing.isEmpty()) {
            questions.add("Enum type " + now.name() + " would lose the labels " + missing + ": the database cannot drop a "
                    + "label; recreate the type in a hand-written step (rows holding those labels must change first)");
            return;
        }
        List<String> kept = new ArrayList<>(now.values());
        kept.retainAll(was.values());
        if (!kept.equals(was.values())) {
            questions.add("Enum type " + now.name() + " reorders its labels " + was.values() + " -> " + now.values()
                    + ": the database cannot; recreate the type in a hand-written step");
            return;
        }
        List<String> labels = now.values();
        for (int i = 0; i < labels.size(); i++) {
            if (!was.values().contains(labels.get(i))) {
                String before = null;
                for (int j = i + 1; j < labels.size() && before == null; j++) {
                    if (was.values().contains(labels.get(j))) {
                        before = labels.get(j);
                    }
                }
                out.add(new SchemaChange.AddEnumValue(now.name(), labels.get(i), before));
            }
        }
    }

    private static void compareTable(TableModel was, TableModel now, List<SchemaChange> alters, List<SchemaChange> drops,
                                     List<String> questions, Map<String, String> renames, SqlSpelling spelling) {
        String schema = now.schema();
        String table = now.name();
        List<ColumnModel> added = new ArrayList<>();
        List<ColumnModel> dropped = new ArrayList<>();
        for (ColumnModel c : now.columns()) {
            ColumnModel old = was.column(c.name());
            if (old == null) {
                added.add(c);
            } else if (!sameColumn(old, c, spelling)) {
                alters.add(new SchemaChange.AlterColumn(schema, table, alike(old, c, spelling), c.withName(old.name())));
            }
        }
        for (ColumnModel c : was.columns()) {
            if (now.column(c.name()) == null) {
                dropped.add(c);
            }
        }
        for (ColumnModel a : new ArrayList<>(added)) {
            String previous = renames.get(now.qualifiedName() + "." + a.name());
            ColumnModel old = previous == null ? null : was.column(previous);
            if (old != null && dropped.contains(old)) {
                alters.add(new SchemaChange.RenameColumn(schema, table, old.name(), a.name()));
                if (!sameColumn(old, a, spelling)) {
                    alters.add(new SchemaChange.AlterColumn(schema, table, alike(old.withName(a.name()), a, spelling), a));
                }
                added.remove(a);
                dropped.remove(old);
            }
        }
        for (ColumnModel d : dropped) {
            for (ColumnModel a : added) {
                if (spelling.type(d.type()).equals(spelling.type(a.type()))) {
                    questions.add("Column " + now.qualifiedName() + "." + d.name() + " is dropped and "
                            + now.qualifiedName() + "." + a.name() + " (" + a.type() + ") added: if it is a rename, replace "
                            + "the drop and the add with renameColumn(\"" + d.name() + "\", \"" + a.name() + "\"), or "
                            + "the column's values are lost");
                }
            }
        }
        for (ColumnModel a : added) {
            alters.add(new SchemaChange.AddColumn(schema, table, a));
        }
        for (ColumnModel d : dropped) {
            alters.add(new SchemaChange.DropColumn(schema, table, d));
        }

        if (!Objects.equals(was.primaryKey() == null ? null : was.primaryKey().columns(),
                now.primaryKey() == null ? null : now.primaryKey().columns())) {
            if (was.primaryKey() != null) {
                alters.add(new SchemaChange.DropPrimaryKey(schema, table, was.primaryKey()));
            }
            if (now.primaryKey() != null) {
                alters.add(new SchemaChange.AddPrimaryKey(schema, table, now.primaryKey()));
            }
        }
        matched(was.foreignKeys(), now.foreignKeys(), ForeignKeyModel::name, ForeignKeyModel::shape,
                k -> alters.add(new SchemaChange.DropForeignKey(schema, table, k)),
                k -> alters.add(new SchemaChange.AddForeignKey(schema, table, k)));
        matched(was.uniques(), now.uniques(), UniqueModel::name, UniqueModel::columns,
                u -> alters.add(new SchemaChange.DropUnique(schema, table, u)),
                u -> alters.add(new SchemaChange.AddUnique(schema, table, u)));
        // named checks compare by name: what a database writes back for a condition is its own spelling
        matched(was.checks(), now.checks(), CheckModel::name, CheckModel::name,
                c -> alters.add(new SchemaChange.DropCheck(schema, table, c)),
                c -> alters.add(new SchemaChange.AddCheck(schema, table, c)));
        matched(was.indexes(), now.indexes(), IndexModel::name,
                ix -> Arrays.asList(ix.columns(), ix.unique(), spelling.condition(ix.where())),
                ix -> alters.add(new SchemaChange.DropIndex(schema, table, ix)),
                ix -> alters.add(new SchemaChange.CreateIndex(schema, table, ix)));
    }

    /**
     * @return {@code was} spelling its type and default as {@code now} does where they mean the same, so that an
     *         AlterColumn changes (and describes) only what really differs: no type change for a synonym
     */
    private static ColumnModel alike(ColumnModel was, ColumnModel now, SqlSpelling spelling) {
        String type = spelling.type(was.type()).equals(spelling.type(now.type())) ? now.type() : was.type();
        String dflt = java.util.Objects.equals(spelling.serverDefault(was.serverDefault()),
                spelling.serverDefault(now.serverDefault())) ? now.serverDefault() : was.serverDefault();
        return new ColumnModel(was.name(), type, was.nullable(), dflt, was.identity(), was.comment());
    }

    private static boolean sameColumn(ColumnModel was, ColumnModel now, SqlSpelling spelling) {
        return spelling.type(was.type()).equals(spelling.type(now.type())) && was.nullable() == now.nullable()
                && (now.identity() || was.identity() || Objects.equals(spelling.serverDefault(was.serverDefault()),
                spelling.serverDefault(now.serverDefault())));
    }

    /**
     * Pairs what was with what is declared, by name or, for objects the database named itself, by shape; what
     * changed shape under one name is dropped and added again.
     */
    private static <T> void matched(List<T> was, List<T> now, Function<T, String> name, Function<T, Object> shape,
                                    java.util.function.Consumer<T> drop, java.util.function.Consumer<T> add) {
        List<T> unmatched = new ArrayList<>(was);
        for (T n : now) {
            T same = null;
            for (T w : unmatched) {
                if (name.apply(w).equals(name.apply(n))) {
                    same = w;
                    break;
                }
            }
            if (same == null) {
                for (T w : unmatched) {
                    if (shape.apply(w).equals(shape.apply(n))) {
                        same = w;
                        break;
                    }
                }
            }
            if (same == null) {
                add.accept(n);
            } else {
                unmatched.remove(same);
                if (!shape.apply(same).equals(shape.apply(n))) {
                    drop.accept(same);
                    add.accept(n);
                }
            }
        }
        unmatched.forEach(drop);
    }

    /** New tables, parents first; a foreign key that closes a cycle among them is added once all exist. */
    private static List<SchemaChange> createTables(List<TableModel> tables) {
        List<SchemaChange> out = new ArrayList<>();
        List<SchemaChange> later = new ArrayList<>();
        Set<List<String>> created = new HashSet<>();
        Set<List<String>> pending = new HashSet<>();
        for (TableModel t : tables) {
            pending.add(Arrays.asList(t.schema(), t.name()));
        }
        for (TableModel t : tables) {
            List<ForeignKeyModel> inline = new ArrayList<>();
            for (ForeignKeyModel fk : t.foreignKeys()) {
                List<String> target = Arrays.asList(fk.referencedSchema(), fk.referencedTable());
                boolean self = target.equals(Arrays.asList(t.schema(), t.name()));
                if (self || created.contains(target) || !pending.contains(target)) {
                    inline.add(fk);
                } else {
                    later.add(new SchemaChange.AddForeignKey(t.schema(), t.name(), fk));
                }
            }
            out.add(new SchemaChange.CreateTable(new TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(), inline,
                    t.uniques(), t.checks(), List.of(), t.comment())));
            created.add(Arrays.asList(t.schema(), t.name()));
            for (IndexModel ix : t.indexes()) {
                out.add(new SchemaChange.CreateIndex(t.schema(), t.name(), ix));
            }
        }
        out.addAll(later);
        return out;
    }

    /** Tables that go, children first; foreign keys between them that form a cycle are dropped first. */
    private static List<SchemaChange> dropTables(List<TableModel> tables) {
        List<SchemaChange> out = new ArrayList<>();
        List<TableModel> order = new ArrayList<>(TableOrdering.parentsFirst(tables));
        java.util.Collections.reverse(order);
        Set<List<String>> droppedBefore = new HashSet<>();
        for (TableModel t : order) {
            for (ForeignKeyModel fk : t.foreignKeys()) {
                List<String> target = Arrays.asList(fk.referencedSchema(), fk.referencedTable());
                if (droppedBefore.contains(target)) {
                    // a cycle: the table it references went first, so this key must go before either
                    out.add(0, new SchemaChange.DropForeignKey(t.schema(), t.name(), fk));
                }
            }
            droppedBefore.add(Arrays.asList(t.schema(), t.name()));
        }
        for (TableModel t : order) {
            out.add(new SchemaChange.DropTable(t));
        }
        return out;
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T item : items) {
            out.put(name.apply(item), item);
        }
        return out;
    }
}
