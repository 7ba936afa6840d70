package io.retort.testing.orm;

import io.retort.orm.EntityTable;
import io.retort.orm.LoaderOption;
import io.retort.orm.OneToMany;
import io.retort.schema.Table;
import io.retort.statement.Select;

import java.util.Collection;
import java.util.List;

/**
 * The session operations the shared ORM scenarios need, as a synchronous facade. The blocking Session
 * implements it directly; the reactive AsyncSession's tests implement it by waiting on each Mono/Flux.
 */
public interface ScenarioSession extends AutoCloseable {
    void add(Object entity);

    void addAll(Collection<?> entities);

    <E> E get(EntityTable<E> table, Object id);

    void delete(Object entity);

    void flush();

    void commit();

    void rollback();

    boolean contains(Object entity);

    void refresh(Object entity);

    <E> List<E> scalars(Select query, LoaderOption... options);

    <P, C> List<C> fetch(P entity, OneToMany<P, C> relationship);

    <P, C> List<C> fetch(P entity, io.retort.orm.ManyToMany<P, C> relationship);

    void expunge(Object entity);

    void expire(Object entity);

    /**
     * @param entity       a child
     * @param relationship its many-to-one
     * @param <C>          the child's class
     * @param <P>          the parent's class
     * @return its parent, or null
     */
    <C, P> P fetch(C entity, io.retort.orm.ManyToOne<C, P> relationship);

    /**
     * @param body what to run without autoflush
     * @param <T>  its result
     * @return its result
     */
    <T> T noAutoflush(java.util.function.Supplier<T> body);

    /** @param entity an object @param attributes columns and collections to expire */
    void expire(Object entity, Object... attributes);

    <E> E merge(E detached);

    io.retort.orm.EntityStatus state(Object entity);

    boolean isModified(Object entity);

    List<Object> newObjects();

    List<Object> dirtyObjects();

    List<Object> deletedObjects();

    void expungeAll();

    void expireAll();

    /** A savepoint of the session, as the scenarios use it. */
    interface Savepoint {
        void commit();

        void rollback();

        boolean isActive();

        /** @return a savepoint made of a path's three operations */
        static Savepoint of(Runnable commit, Runnable rollback, java.util.function.BooleanSupplier active) {
            return new Savepoint() {
                @Override
                public void commit() {
                    commit.run();
                }

                @Override
                public void rollback() {
                    rollback.run();
                }

                @Override
                public boolean isActive() {
                    return active.getAsBoolean();
                }
            };
        }
    }

    Savepoint beginNested();

    /** Runs a statement through the session (autoflush first), loaded objects following as {@code sync} says. */
    void execute(io.retort.statement.Statement statement, io.retort.orm.SynchronizeSession sync);

    /** @return {@code SELECT count(*)} of the table, through the session (so after autoflush) */
    long count(Table table);

    @Override
    void close();
}
