package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.orm.EntityTable;
import io.retort.orm.LoaderOption;
import io.retort.orm.OneToMany;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.statement.Select;
import io.retort.statement.Statement;
import io.retort.testing.orm.AccountTable;
import io.retort.testing.orm.AddressTable;
import io.retort.testing.orm.OrmDriver;
import io.retort.testing.orm.PersonTable;
import io.retort.testing.orm.ScenarioSession;
import io.retort.testing.orm.UserTable;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.retort.Sql.select;

/** The shared ORM scenarios' driver for the blocking Session. */
final class BlockingOrmDriver implements OrmDriver {
    private final Engine engine;
    private final SessionFactory sessions;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    BlockingOrmDriver(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.addStatementListener((sql, n, nanos, failed) -> statements.add(sql));
        sessions = new SessionFactory(engine, io.retort.testing.orm.OrmScenarios.ENTITY_TABLES);
    }

    @Override
    public Dialect dialect() {
        return engine.dialect();
    }

    @Override
    public void createAll(MetaData metadata) {
        engine.createAll(metadata);
    }

    @Override
    public ScenarioSession open() {
        return wrap(sessions.open());
    }

    /** @return the scenarios' facade over a blocking session */
    static ScenarioSession wrap(Session s) {
        return new ScenarioSession() {
            @Override
            public void add(Object entity) {
                s.add(entity);
            }

            @Override
            public void addAll(Collection<?> entities) {
                s.addAll(entities);
            }

            @Override
            public <E> E get(EntityTable<E> table, Object id) {
                return s.get(table, id);
            }

            @Override
            public void delete(Object entity) {
                s.delete(entity);
            }

            @Override
            public void flush() {
                s.flush();
            }

            @Override
            public void commit() {
                s.commit();
            }

            @Override
            public void rollback() {
                s.rollback();
            }

            @Override
            public boolean contains(Object entity) {
                return s.contains(entity);
            }

            @Override
            public void refresh(Object entity) {
                s.refresh(entity);
            }

            @Override
            public <E> List<E> scalars(Select query, LoaderOption... options) {
                return s.scalars(query, options);
            }

            @Override
            public <P, C> List<C> fetch(P entity, OneToMany<P, C> relationship) {
                return s.fetch(entity, relationship);
            }

            @Override
            public <P, C> List<C> fetch(P entity, io.retort.orm.ManyToMany<P, C> relationship) {
                return s.fetch(entity, relationship);
            }

            @Override
            public void expunge(Object entity) {
                s.expunge(entity);
            }

            @Override
            public void expire(Object entity) {
                s.expire(entity);
            }

            @Override
            public <C, P> P fetch(C entity, io.retort.orm.ManyToOne<C, P> relationship) {
                return s.fetch(entity, relationship);
            }

            @Override
            public <T> T noAutoflush(java.util.function.Supplier<T> body) {
                return s.noAutoflush(body);
            }

            @Override
            public void expire(Object entity, Object... attributes) {
                s.expire(entity, attributes);
            }

            @Override
            public <E> E merge(E detached) {
                return s.merge(detached);
            }

            @Override
            public io.retort.orm.EntityStatus state(Object entity) {
                return s.state(entity);
            }

            @Override
            public boolean isModified(Object entity) {
                return s.isModified(entity);
            }

            @Override
            public List<Object> newObjects() {
                return s.newObjects();
            }

            @Override
            public List<Object> dirtyObjects() {
                return s.dirtyObjects();
            }

            @Override
            public List<Object> deletedObjects() {
                return s.deletedObjects();
            }

            @Override
            public void expungeAll() {
                s.expungeAll();
            }

            @Override
            public void expireAll() {
                s.expireAll();
            }

            @Override
            public void execute(Statement statement, io.retort.orm.SynchronizeSession sync) {
                s.execute(statement, sync);
            }

            @Override
            public Savepoint beginNested() {
                SessionSavepoint sp = s.beginNested();
                return Savepoint.of(sp::commit, sp::rollback, sp::isActive);
            }

            @Override
            public long count(Table table) {
                return ((Number) s.execute(select(io.retort.Sql.count()).from(table)).scalar()).longValue();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    @Override
    public void execute(Statement statement) {
        engine.execute(statement);
    }

    @Override
    public List<String> statements() {
        return statements;
    }

    @Override
    public void clearStatements() {
        statements.clear();
    }

    @Override
    public void close() {
        TestEngines.closeChecked(engine);
    }
}
