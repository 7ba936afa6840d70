package io.retort.schema;

import io.retort.exception.InvalidStatementException;
import io.retort.exception.NoSuchTableException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The set of tables and sequences an application works with (SQLAlchemy's {@code MetaData}): what
 * {@code createAll} creates and {@code dropAll} drops, in foreign-key order. Immutable; {@link #with}
 * returns a bigger copy.
 */
public final class MetaData {
    private final List<Table> tables;
    private final List<Sequence> sequences;

    private MetaData(List<Table> tables, List<Sequence> sequences) {
        Map<String, Table> byName = new LinkedHashMap<>();
        for (Table t : tables) {
            Objects.requireNonNull(t, "table");
            Table previous = byName.putIfAbsent(t.toString(), t);
            if (previous != null && previous != t) {
                throw new IllegalArgumentException("Two different tables are named [" + t + "]");
            }
        }
        this.tables = List.copyOf(byName.values());
        this.sequences = List.copyOf(new LinkedHashSet<>(sequences));
    }

    /**
     * @param tables the tables
     * @return metadata holding them
     */
    public static MetaData of(Table... tables) {
        return new MetaData(Arrays.asList(tables), List.of());
    }

    /**
     * @param more more tables
     * @return a copy holding these too
     */
    public MetaData with(Table... more) {
        List<Table> all = new ArrayList<>(tables);
        all.addAll(Arrays.asList(more));
        return new MetaData(all, sequences);
    }

    /**
     * @param more sequences
     * @return a copy holding these too
     */
    public MetaData with(Sequence... more) {
        List<Sequence> all = new ArrayList<>(sequences);
        all.addAll(Arrays.asList(more));
        return new MetaData(tables, all);
    }

    /** @return the tables in the order they were given */
    public List<Table> tables() {
        return tables;
    }

    /** @return the sequences */
    public List<Sequence> sequences() {
        return sequences;
    }

    /**
     * @param name the table's name ({@code schema.name} for a table in a schema)
     * @return the table
     * @throws NoSuchTableException naming the nearest known table
     */
    public Table table(String name) {
        Objects.requireNonNull(name, "name");
        for (Table t : tables) {
            if (t.toString().equals(name)) {
                return t;
            }
        }
        throw new NoSuchTableException("No table [" + name + "] in this metadata"
                + NameSuggestions.hint(name, tables.stream().map(Table::toString).toList()));
    }

    /**
     * Orders tables so that every table comes after the tables it references. Foreign keys that close
     * a cycle are left out of the ordering and returned by {@link #cycleBreakingForeignKeys()}; DDL adds
     * them afterwards with {@code ALTER TABLE}.
     *
     * @return the tables, parents first
     */
    public List<Table> sortedTables() {
        return sort().order;
    }

    /** @return the foreign keys that must be created after the tables, because they close a cycle */
    public List<ForeignKey> cycleBreakingForeignKeys() {
        return sort().deferred;
    }

    private record Sorted(List<Table> order, List<ForeignKey> deferred) {
    }

    private Sorted sort() {
        List<Table> order = new ArrayList<>();
        List<ForeignKey> deferred = new ArrayList<>();
        Set<Table> done = new LinkedHashSet<>();
        Set<Table> visiting = new LinkedHashSet<>();
        for (Table t : tables) {
            visit(t, done, visiting, order, deferred);
        }
        return new Sorted(List.copyOf(order), List.copyOf(deferred));
    }

    private void visit(Table t, Set<Table> done, Set<Table> visiting, List<Table> order, List<ForeignKey> deferred) {
        if (done.contains(t)) {
            return;
        }
        visiting.add(t);
        for (ForeignKey fk : t.foreignKeys()) {
            Table target = fk.referencedTable();
            if (target == t) {
                continue; // a self-reference needs no ordering
            }
            if (!tables.contains(target)) {
                throw new InvalidStatementException("Table [" + t + "] references [" + target
                        + "], which is not in this metadata; add it with MetaData.of(...)");
            }
            if (visiting.contains(target)) {
                deferred.add(fk);
            } else {
                visit(target, done, visiting, order, deferred);
            }
        }
        visiting.remove(t);
        done.add(t);
        order.add(t);
    }
}
