package io.retort.orm.internal;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.ManyToMany;
import io.retort.orm.ManyToOne;
import io.retort.orm.OneToMany;
import io.retort.exception.NullAttributeException;
import io.retort.exception.PrimaryKeyChangeException;
import io.retort.exception.StaleObjectException;
import io.retort.schema.Column;
import io.retort.statement.Delete;
import io.retort.statement.Insert;
import io.retort.statement.Statement;
import io.retort.statement.Update;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.update;
import static io.retort.orm.internal.UnitOfWork.changedColumns;
import static io.retort.orm.internal.UnitOfWork.raw;
import static io.retort.orm.internal.UnitOfWork.syncForeignKeys;

/** The statements a flush plan is made of, one class per kind; each builds its statement only when it runs. */
final class FlushSteps {
    private FlushSteps() {
    }

    /** Sets a foreign key that could not be known at insert time. */
    static final class PostUpdateStep implements FlushStep {
        private final EntityState child;
        private final ManyToOne<?, ?> relationship;
        private final Object parent;

        PostUpdateStep(EntityState child, ManyToOne<?, ?> relationship, Object parent) {
            this.child = child;
            this.relationship = relationship;
            this.parent = parent;
        }

        @Override
        public Statement statement() {
            Object parentId = relationship.target().idColumn().getRaw(parent);
            relationship.foreignKey().setRaw(child.entity, parentId);
            return update(child.table).set(raw(relationship.foreignKey()), parentId)
                    .where(raw(child.table.idColumn()).eq(child.id()));
        }

        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
            if (rowCount != 1) {
                throw new StaleObjectException("Setting " + relationship + " after insert matched " + rowCount + " rows");
            }
        }
    }

    /** Deletes the children of deleted parents by foreign key, also those the session never loaded. */
    static final class CascadeDeleteStep implements FlushStep {
        private final OneToMany<?, ?> relationship;
        private final List<EntityState> parents;

        CascadeDeleteStep(OneToMany<?, ?> relationship, List<EntityState> parents) {
            this.relationship = relationship;
            this.parents = List.copyOf(parents);
        }

        @Override
        public Statement statement() {
            List<Object> ids = new ArrayList<>();
            int idIndex = relationship.owner().entityColumns().indexOf(relationship.owner().idColumn());
            for (EntityState p : parents) {
                ids.add(p.snapshot[idIndex]);
            }
            return deleteFrom(relationship.target()).where(raw(relationship.backReference().foreignKey()).in(ids));
        }

        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
            // any count is right: the children the session held were deleted by their own steps first
        }
    }

    /**
     * Before deleting parents whose collection does not cascade deletes, the children the session did not load are
     * left without a parent (SQLAlchemy's rule for a relationship without delete cascade): one UPDATE to NULL.
     */
    static final class OrphanChildrenStep implements FlushStep {
        private final OneToMany<?, ?> relationship;
        private final List<EntityState> parents;

        OrphanChildrenStep(OneToMany<?, ?> relationship, List<EntityState> parents) {
            this.relationship = relationship;
            this.parents = List.copyOf(parents);
        }

        @Override
        public Statement statement() {
            return update(relationship.target()).set(raw(relationship.backReference().foreignKey()), (Object) null)
                    .where(raw(relationship.backReference().foreignKey()).in(parentIds(relationship, parents)));
        }

        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
            // any count is right: a parent may have no children
        }
    }

    /**
     * Before deleting parents whose children cannot be left without one (a NOT NULL foreign key, no delete
     * cascade): fails, naming the fix, when any child row still refers to them.
     */
    static final class ChildrenCheckStep implements FlushStep {
        private final OneToMany<?, ?> relationship;
        private final List<EntityState> parents;
        private final List<EntityState> deletedChildren;

        ChildrenCheckStep(OneToMany<?, ?> relationship, List<EntityState> parents, List<EntityState> deletedChildren) {
            this.relationship = relationship;
            this.parents = List.copyOf(parents);
            this.deletedChildren = List.copyOf(deletedChildren);
        }

        @Override
        public Statement statement() {
            EntityTable<?> child = relationship.target();
            io.retort.statement.Select check = io.retort.Sql.select(relationship.backReference().foreignKey()).from(child)
                    .where(raw(relationship.backReference().foreignKey()).in(parentIds(relationship, parents)));
            if (!deletedChildren.isEmpty()) {
                // children deleted by this same flush do not count
                int idIndex = child.entityColumns().indexOf(child.idColumn());
                List<Object> ids = new ArrayList<>();
                for (EntityState s : deletedChildren) {
                    ids.add(s.snapshot[idIndex]);
                }
                check = check.where(raw(child.idColumn()).notIn(ids));
            }
            return check.limit(1);
        }

        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
            if (!returnedRows.isEmpty()) {
                throw UnitOfWork.childrenWouldBeOrphaned(relationship, returnedRows.get(0)[0]);
            }
        }
    }

    /**
     * Before deleting rows that refer to each other in a cycle, one side's nullable key is set to NULL, so that no
     * DELETE removes a row another still refers to.
     */
    static final class BreakCycleStep implements FlushStep {
        private final EntityState row;
        private final ManyToOne<?, ?> relationship;

        BreakCycleStep(EntityState row, ManyToOne<?, ?> relationship) {
            this.row = row;
            this.relationship = relationship;
        }

        @Override
        public Statement statement() {
            Object id = row.snapshot[row.table.entityColumns().indexOf(row.table.idColumn())];
            return update(row.table).set(raw(relationship.foreignKey()), (Object) null).where(raw(row.table.idColumn()).eq(id));
        }

        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
            // any count is right: the row is deleted next either way
        }
    }

    static List<Object> parentIds(OneToMany<?, ?> relationship, List<EntityState> parents) {
        List<Object> ids = new ArrayList<>();
        int idIndex = relationship.owner().entityColumns().indexOf(relationship.owner().idColumn());
        for (EntityState p : parents) {
            ids.add(p.snapshot[idIndex]);
        }
        return ids;
    }

    /** One association row, oriented by the relationship that writes it; equal by identity of its two objects. */
    static final class Pair {
        final ManyToMany<?, ?> relationship;
        final Object owner;
        final Object target;

        Pair(ManyToMany<?, ?> relationship, Object owner, Object target) {
            this.relationship = relationship;
            this.owner = owner;
            this.target = target;
        }

        /** The same row seen from the other side's declaration is written by one of them only. */
        Pair canonical() {
            ManyToMany<?, ?> m = relationship;
            for (ManyToMany<?, ?> other : m.target().manyToManys()) {
                if (other != m && other.association() == m.association() && other.ownerKey() == m.targetKey()
                        && other.targetKey() == m.ownerKey()
                        && other.owner().name().compareTo(m.owner().name()) < 0) {
                    return new Pair(other, target, owner);
                }
            }
            return this;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.relationship == relationship && p.owner == owner && p.target == target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(relationship) * 31 * 31 + System.identityHashCode(owner) * 31
                    + System.identityHashCode(target);
        }
    }

    /** A statement whose outcome needs no checking. */
    record StatementStep(Statement statement) implements FlushStep {
        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
        }
    }

    /** Deletes one association row. */
    static final class AssociationStep implements FlushStep {
        private final Pair pair;

        AssociationStep(Pair pair) {
            this.pair = pair;
        }

        @Override
        public Statement statement() {
            ManyToMany<?, ?> m = pair.relationship;
            Object ownerId = m.owner().idColumn().getRaw(pair.owner);
            Object targetId = m.target().idColumn().getRaw(pair.target);
            return deleteFrom(m.association()).where(raw(m.ownerKey()).eq(ownerId).and(raw(m.targetKey()).eq(targetId)));
        }

        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
            // zero rows is fine: the row may have gone with a cascading foreign key
        }
    }

    /** Inserts the new association rows of one relationship in one multi-row INSERT. */
    static final class AssociationInsertStep implements FlushStep {
        private final List<Pair> pairs;

        AssociationInsertStep(List<Pair> pairs) {
            this.pairs = List.copyOf(pairs);
        }

        @Override
        public Statement statement() {
            ManyToMany<?, ?> m = pairs.get(0).relationship;
            List<Object[]> values = new ArrayList<>(pairs.size());
            for (Pair p : pairs) {
                values.add(new Object[] {m.owner().idColumn().getRaw(p.owner), m.target().idColumn().getRaw(p.target)});
            }
            return insertInto(m.association()).columns(m.ownerKey(), m.targetKey()).valuesOfRows(values);
        }

        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
        }
    }

    /** One multi-row INSERT of new objects of one table, returning generated keys when the database makes them. */
    static final class InsertStep implements FlushStep {
        private final EntityTable<?> table;
        private final List<EntityState> rows;
        private final boolean generatesId;

        private final List<EntityState> generatedDuringFlush;

        InsertStep(EntityTable<?> table, List<EntityState> rows, boolean generatesId, List<EntityState> generatedDuringFlush) {
            this.table = table;
            this.rows = rows;
            this.generatesId = generatesId;
            this.generatedDuringFlush = generatedDuringFlush;
        }

        @Override
        public Statement statement() {
            List<EntityColumn<?, ?>> columns = new ArrayList<>();
            for (EntityColumn<?, ?> c : table.entityColumns()) {
                if (!(generatesId && c == table.idColumn())) {
                    columns.add(c);
                }
            }
            List<Object[]> valueRows = new ArrayList<>(rows.size());
            for (EntityState s : rows) {
                syncForeignKeys(s);
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    EntityColumn<?, ?> c = columns.get(i);
                    Object v = c.getRaw(s.entity);
                    if (v == null && c.isVersion()) {
                        v = 1;
                        c.setRaw(s.entity, v);
                    } else if (v == null && c.clientDefault() != null) {
                        v = c.clientDefault().get();
                        c.setRaw(s.entity, v);
                    }
                    if (v == null && !c.nullable() && c.serverDefault() == null && !c.isIdentity()) {
                        throw new NullAttributeException(s.entity.getClass().getSimpleName() + "." + c.name()
                                + " is null but the column is NOT NULL; set it before flushing");
                    }
                    values[i] = v;
                }
                valueRows.add(values);
            }
            Insert insert = insertInto(table).columns(columns.toArray(new Column<?>[0])).valuesOfRows(valueRows);
            return generatesId ? insert.returning(table.idColumn()) : insert;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void apply(List<Object[]> returnedRows, long rowCount) {
            if (!generatesId) {
                return;
            }
            if (returnedRows.size() != rows.size()) {
                throw new IllegalStateException("INSERT into [" + table.name() + "] returned " + returnedRows.size()
                        + " keys for " + rows.size() + " rows");
            }
            // identity values are handed out in row order: sorted keys match the objects in input order
            List<Comparable> keys = new ArrayList<>();
            for (Object[] r : returnedRows) {
                keys.add((Comparable) r[0]);
            }
            Collections.sort(keys);
            for (int i = 0; i < rows.size(); i++) {
                table.idColumn().setRaw(rows.get(i).entity, keys.get(i));
                generatedDuringFlush.add(rows.get(i));
            }
        }
    }

    /** The UPDATE of one dirty object's changed columns, checked against its version when it has one. */
    static final class UpdateStep implements FlushStep {
        private final EntityState state;
        private Object nextVersion;

        UpdateStep(EntityState state) {
            this.state = state;
        }

        @Override
        public Statement statement() {
            EntityTable<?> t = state.table;
            syncForeignKeys(state);
            List<? extends EntityColumn<?, ?>> columns = t.entityColumns();
            int idIndex = columns.indexOf(t.idColumn());
            Object[] now = state.currentValues();
            List<Integer> changed = changedColumns(state);
            if (changed.isEmpty()) {
                return null;
            }
            if (!EntityState.same(now[idIndex], state.snapshot[idIndex])) {
                throw new PrimaryKeyChangeException("The primary key of " + t.entityType().getSimpleName() + "["
                        + state.snapshot[idIndex] + "] was changed to [" + now[idIndex] + "]; delete it and add a new object instead");
            }
            Update update = update(t);
            EntityColumn<?, ?> version = t.versionColumn();
            for (int i : changed) {
                EntityColumn<?, ?> c = columns.get(i);
                if (c != version) {
                    if (now[i] == null && !c.nullable()) {
                        throw new NullAttributeException(t.entityType().getSimpleName() + "." + c.name()
                                + " is null but the column is NOT NULL; set it before flushing");
                    }
                    update = update.set(raw(c), now[i]);
                }
            }
            update = update.where(raw(t.idColumn()).eq(state.snapshot[idIndex]));
            if (version != null) {
                Object old = state.snapshot[columns.indexOf(version)];
                nextVersion = ((Integer) old) + 1;
                update = update.set(raw(version), nextVersion).where(raw(version).eq(old));
            }
            return update;
        }

        @Override
        public Object batchKey() {
            // one SQL text: same table, same changed columns, the same of them NULL, and the version check or not
            syncForeignKeys(state);
            Object[] now = state.currentValues();
            List<Object> key = new ArrayList<>();
            key.add(state.table);
            for (int i : changedColumns(state)) {
                key.add(i);
                key.add(now[i] == null);
            }
            return key;
        }

        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
            if (rowCount != 1) {
                EntityTable<?> t = state.table;
                throw new StaleObjectException("UPDATE of " + t.entityType().getSimpleName() + "[" + state.id() + "] matched "
                        + rowCount + " rows instead of 1: another transaction changed or deleted it"
                        + (t.versionColumn() == null ? "" : " (expected version [" + state.snapshot[t.entityColumns()
                        .indexOf(t.versionColumn())] + "])") + ". Roll back, reload it and apply the change again.");
            }
            if (nextVersion != null) {
                state.table.versionColumn().setRaw(state.entity, nextVersion);
            }
        }
    }

    /** The DELETE of objects of one table by key (one object at a time when versioned). */
    static final class DeleteStep implements FlushStep {
        private final EntityTable<?> table;
        private final List<EntityState> rows;

        DeleteStep(EntityTable<?> table, List<EntityState> rows) {
            this.table = table;
            this.rows = rows;
        }

        @Override
        public Statement statement() {
            int idIndex = table.entityColumns().indexOf(table.idColumn());
            List<Object> ids = new ArrayList<>();
            for (EntityState s : rows) {
                ids.add(s.snapshot[idIndex]);
            }
            Delete delete = deleteFrom(table).where(raw(table.idColumn()).in(ids));
            EntityColumn<?, ?> version = table.versionColumn();
            if (version != null) {
                delete = delete.where(raw(version).eq(rows.get(0).snapshot[table.entityColumns().indexOf(version)]));
            }
            return delete;
        }

        @Override
        public Object batchKey() {
            // a versioned table deletes row by row, each with its version check: one SQL text per table
            return table.versionColumn() != null && rows.size() == 1 ? List.of(table, "delete") : null;
        }

        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
            if (rowCount != rows.size()) {
                throw new StaleObjectException("DELETE from [" + table.name() + "] matched " + rowCount + " rows instead of "
                        + rows.size() + ": another transaction changed or deleted them. Roll back and reload.");
            }
        }
    }
}
