package io.retort.orm.internal;

import io.retort.orm.AssociationList;
import io.retort.orm.EntityTable;
import io.retort.orm.LazyLoader;
import io.retort.orm.LoadStrategy;
import io.retort.orm.LoaderOption;
import io.retort.orm.ManyToMany;
import io.retort.orm.ManyToOne;
import io.retort.orm.OneToMany;
import io.retort.orm.RelatedList;
import io.retort.schema.Column;
import io.retort.statement.Select;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.retort.Sql.select;

/**
 * Plans how the relationships of just-loaded objects are filled: lazy or raising lists for collections, and
 * batched {@code IN (...)} queries for selectin collections and for parents (many-to-one). No I/O: it returns
 * {@link LoadStep}s for the session to run, after the owners' result has been read completely.
 */
final class RelationshipLoads {
    /** Owners per {@code IN (...)} query. */
    static final int WINDOW = 500;

    private final UnitOfWork work;
    private final LazyLoader lazy;

    RelationshipLoads(UnitOfWork work, LazyLoader lazy) {
        this.work = work;
        this.lazy = lazy;
    }

    List<LoadStep> afterLoad(EntityTable<?> table, List<?> loaded, List<LoaderOption> options) {
        List<LoadStep> steps = new ArrayList<>();
        if (loaded.isEmpty()) {
            return steps;
        }
        for (OneToMany<?, ?> o : table.oneToManys()) {
            LoadStrategy strategy = o.defaultStrategy();
            for (LoaderOption option : options) {
                if (option.relationship() == o) {
                    strategy = option.strategy();
                }
            }
            if (strategy == LoadStrategy.JOINED) {
                strategy = LoadStrategy.SELECTIN;   // not joined into this query (a LIMIT, or a nested load): still eager
            }
            List<Object> needing = new ArrayList<>();
            for (Object parent : loaded) {
                Object current = o.getRaw(parent);
                boolean inMemory = current instanceof RelatedList<?> r && r.isLoaded();
                // an eager option also loads collections that are still waiting to load lazily, so none is left for N+1
                if (!(current instanceof RelatedList<?>) || strategy == LoadStrategy.SELECTIN && !inMemory) {
                    needing.add(parent);
                }
            }
            if (strategy == LoadStrategy.SELECTIN) {
                for (int from = 0; from < needing.size(); from += WINDOW) {
                    steps.add(new CollectionWindow(o, needing.subList(from, Math.min(needing.size(), from + WINDOW))));
                }
            } else {
                for (Object parent : needing) {
                    work.install(parent, o, unloaded(parent, o, strategy));
                }
            }
        }
        for (ManyToMany<?, ?> m : table.manyToManys()) {
            LoadStrategy strategy = m.defaultStrategy();
            for (LoaderOption option : options) {
                if (option.relationship() == m) {
                    strategy = option.strategy() == LoadStrategy.JOINED ? LoadStrategy.SELECTIN : option.strategy();
                }
            }
            List<Object> needing = new ArrayList<>();
            for (Object owner : loaded) {
                Object current = m.getRaw(owner);
                boolean inMemory = current instanceof AssociationList<?> a && a.isLoaded();
                if (!(current instanceof AssociationList<?>) || strategy == LoadStrategy.SELECTIN && !inMemory) {
                    needing.add(owner);
                }
            }
            if (strategy == LoadStrategy.SELECTIN) {
                for (int from = 0; from < needing.size(); from += WINDOW) {
                    steps.add(new AssociationWindow(m, needing.subList(from, Math.min(needing.size(), from + WINDOW))));
                }
            } else {
                for (Object owner : needing) {
                    work.install(owner, m, unloadedAssociation(owner, m, strategy));
                }
            }
        }
        for (ManyToOne<?, ?> m : table.manyToOnes()) {
            boolean lazyParents = false;
            for (LoaderOption option : options) {
                if (option.relationship() == m) {
                    lazyParents = option.strategy() == LoadStrategy.LAZY;
                }
            }
            if (lazyParents) {
                knownParents(m, loaded);
            } else {
                steps.addAll(parents(m, loaded));
            }
        }
        return steps;
    }

    /** A lazy many-to-one: parents the session holds are set, the others marked not loaded; no query. */
    private void knownParents(ManyToOne<?, ?> m, List<?> children) {
        for (Object child : children) {
            Object fk = m.foreignKey().getRaw(child);
            if (fk == null) {
                continue;
            }
            Object known = work.find(m.target(), fk);
            if (known != null) {
                m.setRaw(child, known);
                work.referenceLoaded(child, m);
            } else if (m.getRaw(child) == null) {
                work.referenceNotLoaded(child, m);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    AssociationList<?> unloadedAssociation(Object owner, ManyToMany<?, ?> m, LoadStrategy strategy) {
        if (strategy == LoadStrategy.RAISE) {
            return new AssociationList(m, null, () -> {
                throw new io.retort.exception.InvalidStatementException("Cannot load " + m + ": its loading strategy is raise. "
                        + "Load it with the query option " + m.name().toUpperCase() + ".selectin(), or session.fetch(entity, relationship)");
            });
        }
        return new AssociationList(m, null, () -> lazy.load(owner, m));
    }

    /** Puts related objects into an owner's many-to-many collection. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void fillAssociation(UnitOfWork work, ManyToMany<?, ?> m, Object owner, List<?> related) {
        work.install(owner, m, new AssociationList(m, related, null));
    }

    /** The related objects of a window of owners, through the association table, in one query. */
    private final class AssociationWindow implements LoadStep {
        private final ManyToMany<?, ?> relationship;
        private final List<Object> owners;

        AssociationWindow(ManyToMany<?, ?> relationship, List<Object> owners) {
            this.relationship = relationship;
            this.owners = List.copyOf(owners);
        }

        @Override
        public Select query() {
            List<Object> ids = new ArrayList<>();
            for (Object o : owners) {
                ids.add(relationship.owner().idColumn().getRaw(o));
            }
            EntityTable<?> target = relationship.target();
            List<io.retort.expression.Expression<?>> selection = new ArrayList<>(target.entityColumns());
            selection.add(relationship.ownerKey());
            return select(selection).from(target)
                    .join(relationship.association(), raw(relationship.targetKey()).eq(raw(target.idColumn())))
                    .where(raw(relationship.ownerKey()).in(ids)).orderBy(UnitOfWork.loadOrder(relationship, target));
        }

        @Override
        public List<LoadStep> apply(List<Object[]> rows) {
            EntityTable<?> target = relationship.target();
            int width = target.entityColumns().size();
            Map<Object, List<Object>> byOwner = new LinkedHashMap<>();
            List<Object> loaded = new ArrayList<>();
            for (Object[] row : rows) {
                Object r = work.load(target, java.util.Arrays.copyOf(row, width));
                loaded.add(r);
                byOwner.computeIfAbsent(row[width], k -> new ArrayList<>()).add(r);
            }
            for (Object o : owners) {
                Object id = relationship.owner().idColumn().getRaw(o);
                fillAssociation(work, relationship, o, byOwner.getOrDefault(id, Collections.emptyList()));
            }
            return afterLoad(target, loaded, List.of());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    RelatedList<?> unloaded(Object parent, OneToMany<?, ?> o, LoadStrategy strategy) {
        if (strategy == LoadStrategy.RAISE) {
            return new RelatedList(parent, o, null, () -> {
                throw new io.retort.exception.InvalidStatementException("Cannot load " + o + ": its loading strategy is raise. "
                        + "Load it with the query option " + o.name().toUpperCase() + ".selectin(), or session.fetch(entity, relationship)");
            });
        }
        return new RelatedList(parent, o, null, () -> lazy.load(parent, o));
    }

    /** Fills collections of parents that already have all their children in memory (after a lazy or fetched load). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void fill(UnitOfWork work, OneToMany<?, ?> o, Object parent, List<?> children) {
        ManyToOne back = o.backReference();
        for (Object child : children) {
            if (back.getRaw(child) != parent) {
                back.setRaw(child, parent);
            }
        }
        work.install(parent, o, new RelatedList(parent, o, children, null));
    }

    private List<LoadStep> parents(ManyToOne<?, ?> m, List<?> children) {
        EntityTable<?> target = m.target();
        Map<Object, List<Object>> waiting = new LinkedHashMap<>();
        for (Object child : children) {
            Object fk = m.foreignKey().getRaw(child);
            if (fk == null) {
                continue;
            }
            Object known = work.find(target, fk);
            if (known != null) {
                if (m.getRaw(child) != known) {
                    m.setRaw(child, known);
                }
                work.referenceLoaded(child, m);
            } else {
                waiting.computeIfAbsent(fk, k -> new ArrayList<>()).add(child);
            }
        }
        List<LoadStep> steps = new ArrayList<>();
        List<Object> keys = new ArrayList<>(waiting.keySet());
        for (int from = 0; from < keys.size(); from += WINDOW) {
            steps.add(new ParentWindow(m, keys.subList(from, Math.min(keys.size(), from + WINDOW)), waiting));
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private static Column<Object> raw(Column<?> c) {
        return (Column<Object>) c;
    }

    /** Children of a window of parents, in one {@code IN (...)} query. */
    private final class CollectionWindow implements LoadStep {
        private final OneToMany<?, ?> relationship;
        private final List<Object> parents;

        CollectionWindow(OneToMany<?, ?> relationship, List<Object> parents) {
            this.relationship = relationship;
            this.parents = List.copyOf(parents);
        }

        @Override
        public Select query() {
            EntityTable<?> parentTable = relationship.owner();
            List<Object> ids = new ArrayList<>();
            for (Object p : parents) {
                ids.add(parentTable.idColumn().getRaw(p));
            }
            EntityTable<?> child = relationship.target();
            return select(child).where(raw(relationship.backReference().foreignKey()).in(ids))
                    .orderBy(UnitOfWork.loadOrder(relationship, child));
        }

        @Override
        public List<LoadStep> apply(List<Object[]> rows) {
            EntityTable<?> child = relationship.target();
            Map<Object, List<Object>> byParent = new LinkedHashMap<>();
            List<Object> loaded = new ArrayList<>();
            int fkIndex = child.entityColumns().indexOf(relationship.backReference().foreignKey());
            for (Object[] row : rows) {
                Object c = work.load(child, row);
                loaded.add(c);
                byParent.computeIfAbsent(row[fkIndex], k -> new ArrayList<>()).add(c);
            }
            EntityTable<?> parentTable = relationship.owner();
            for (Object p : parents) {
                Object id = parentTable.idColumn().getRaw(p);
                fill(work, relationship, p, byParent.getOrDefault(id, Collections.emptyList()));
            }
            return afterLoad(child, loaded, List.of());
        }
    }

    /** Parents of a window of children, by key, in one {@code IN (...)} query. */
    private final class ParentWindow implements LoadStep {
        private final ManyToOne<?, ?> relationship;
        private final List<Object> keys;
        private final Map<Object, List<Object>> waiting;

        ParentWindow(ManyToOne<?, ?> relationship, List<Object> keys, Map<Object, List<Object>> waiting) {
            this.relationship = relationship;
            this.keys = List.copyOf(keys);
            this.waiting = waiting;
        }

        @Override
        public Select query() {
            EntityTable<?> target = relationship.target();
            return select(target).where(raw(target.idColumn()).in(keys));
        }

        @Override
        public List<LoadStep> apply(List<Object[]> rows) {
            EntityTable<?> target = relationship.target();
            List<Object> loaded = new ArrayList<>();
            Set<Object> found = new LinkedHashSet<>();
            int idIndex = target.entityColumns().indexOf(target.idColumn());
            for (Object[] row : rows) {
                Object parent = work.load(target, row);
                loaded.add(parent);
                found.add(row[idIndex]);
                for (Object child : waiting.getOrDefault(row[idIndex], List.of())) {
                    relationship.setRaw(child, parent);
                    work.referenceLoaded(child, relationship);
                }
            }
            Objects.requireNonNull(found);
            return afterLoad(target, loaded, List.of());
        }
    }

    static JoinedQuery joined(EntityTable<?> table, Select query, List<LoaderOption> options) {
        // a table already in the statement (the owners' own, for a tree) would need an alias: it loads as selectin
        Set<io.retort.schema.Table> present = new java.util.HashSet<>();
        present.add(table);
        List<OneToMany<?, ?>> joins = new ArrayList<>();
        boolean limited = query.limit() != null || query.offset() != null;
        for (LoaderOption o : options) {
            // under LIMIT/OFFSET a collection's join would limit rows, not owners: it loads as selectin
            if (!limited && o.strategy() == LoadStrategy.JOINED && o.relationship() instanceof OneToMany<?, ?> otm
                    && otm.owner() == table && !joins.contains(otm) && present.add(otm.target())) {
                joins.add(otm);
            }
        }
        List<ManyToOne<?, ?>> parents = new ArrayList<>();
        for (LoaderOption o : options) {
            if (o.strategy() == LoadStrategy.JOINED && o.relationship() instanceof ManyToOne<?, ?> m
                    && m.owner() == table && present.add(m.target())) {
                parents.add(m);
            }
        }
        if (joins.isEmpty() && parents.isEmpty()) {
            return null;
        }
        List<io.retort.expression.Expression<?>> selection = new ArrayList<>(table.entityColumns());
        Select rewritten = query.from().isEmpty() ? query.from(table) : query;
        List<io.retort.expression.SortOrder> childOrder = new ArrayList<>();
        for (OneToMany<?, ?> o : joins) {
            EntityTable<?> child = o.target();
            selection.addAll(child.entityColumns());
            rewritten = rewritten.leftJoin(child, raw(o.backReference().foreignKey()).eq(raw(table.idColumn())));
            childOrder.addAll(List.of(UnitOfWork.loadOrder(o, child)));
        }
        for (ManyToOne<?, ?> m : parents) {
            selection.addAll(m.target().entityColumns());
            rewritten = rewritten.leftJoin(m.target(), raw(m.target().idColumn()).eq(raw(m.foreignKey())));
        }
        rewritten = rewritten.withSelectionUnlimited(selection);
        if (!childOrder.isEmpty()) {
            rewritten = rewritten.orderBy(childOrder.toArray(new io.retort.expression.SortOrder[0]));
        }
        return new JoinedQuery(rewritten, joins, parents);
    }

    static <E> List<E> loadJoined(UnitOfWork work, EntityTable<E> table, JoinedQuery query, List<Object[]> rows,
                                  Map<EntityTable<?>, List<Object>> joinedObjects) {
        List<E> owners = new ArrayList<>();
        Set<Object> seenOwners = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Map<OneToMany<?, ?>, Map<Object, List<Object>>> children = new LinkedHashMap<>();
        Set<Object> seenChildren = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        int width = table.entityColumns().size();
        for (Object[] row : rows) {
            E owner = work.load(table, java.util.Arrays.copyOfRange(row, 0, width));
            if (seenOwners.add(owner)) {
                owners.add(owner);
            }
            int at = width;
            for (OneToMany<?, ?> o : query.joins()) {
                EntityTable<?> child = o.target();
                int n = child.entityColumns().size();
                Object[] values = java.util.Arrays.copyOfRange(row, at, at + n);
                at += n;
                List<Object> list = children.computeIfAbsent(o, k -> new IdentityHashMap<>())
                        .computeIfAbsent(owner, k -> new ArrayList<>());
                if (values[child.entityColumns().indexOf(child.idColumn())] != null) {
                    Object c = work.load(child, values);
                    if (seenChildren.add(c)) {
                        list.add(c);
                        joinedObjects.computeIfAbsent(child, t -> new ArrayList<>()).add(c);
                    }
                }
            }
            for (ManyToOne<?, ?> m : query.parents()) {
                EntityTable<?> parentTable = m.target();
                int n = parentTable.entityColumns().size();
                Object[] values = java.util.Arrays.copyOfRange(row, at, at + n);
                at += n;
                if (values[parentTable.entityColumns().indexOf(parentTable.idColumn())] != null) {
                    Object parent = work.load(parentTable, values);
                    if (m.getRaw(owner) != parent) {
                        m.setRaw(owner, parent);
                    }
                    if (seenChildren.add(parent)) {
                        joinedObjects.computeIfAbsent(parentTable, t -> new ArrayList<>()).add(parent);
                    }
                }
            }
        }
        for (Map.Entry<OneToMany<?, ?>, Map<Object, List<Object>>> e : children.entrySet()) {
            for (Map.Entry<Object, List<Object>> c : e.getValue().entrySet()) {
                RelationshipLoads.fill(work, e.getKey(), c.getKey(), c.getValue());
            }
        }
        return owners;
    }
}
