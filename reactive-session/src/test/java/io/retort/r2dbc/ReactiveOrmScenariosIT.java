package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.orm.EntityTable;
import io.retort.orm.LoaderOption;
import io.retort.orm.OneToMany;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.statement.Select;
import io.retort.statement.Statement;
import io.retort.testing.orm.OrmDriver;
import io.retort.testing.orm.OrmScenarios;
import io.retort.testing.orm.ScenarioSession;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.retort.Sql.select;

/**
 * The shared ORM scenarios through the AsyncSession, on H2 and PostgreSQL: the same assertions as the blocking
 * session. The test thread waits on each Mono (allowed: it is not a non-blocking thread).
 */
class ReactiveOrmScenariosIT extends OrmScenarios {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    protected OrmDriver openDriver(Dialect dialect) {
        return driver(dialect);
    }

    /** @return the shared scenarios' driver for the AsyncSession on a fresh database or schema */
    static OrmDriver driver(Dialect dialect) {
        AsyncEngine engine = TestEngines.open(dialect);
        List<String> statements = new CopyOnWriteArrayList<>();
        engine.addStatementListener((sql, n, nanos, failed) -> statements.add(sql));
        AsyncSessionFactory sessions = new AsyncSessionFactory(engine, ENTITY_TABLES);
        return new OrmDriver() {
            @Override
            public Dialect dialect() {
                return dialect;
            }

            @Override
            public void createAll(MetaData metadata) {
                engine.createAll(metadata).block(WAIT);
            }

            @Override
            public ScenarioSession open() {
                return new Blocking(sessions.open());
            }

            @Override
            public void execute(Statement statement) {
                engine.execute(statement).then().block(WAIT);
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
        };
    }

    /** Waits on each operation of an AsyncSession. */
    record Blocking(AsyncSession s) implements ScenarioSession {
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
            return s.get(table, id).block(WAIT);
        }

        @Override
        public void delete(Object entity) {
            s.delete(entity);
        }

        @Override
        public void flush() {
            s.flush().block(WAIT);
        }

        @Override
        public void commit() {
            s.commit().block(WAIT);
        }

        @Override
        public void rollback() {
            s.rollback().block(WAIT);
        }

        @Override
        public boolean contains(Object entity) {
            return s.contains(entity);
        }

        @Override
        public void refresh(Object entity) {
            s.refresh(entity).block(WAIT);
        }

        @Override
        public <E> List<E> scalars(Select query, LoaderOption... options) {
            return s.<E>scalars(query, options).collectList().block(WAIT);
        }

        @Override
        public <P, C> List<C> fetch(P entity, OneToMany<P, C> relationship) {
            return s.fetch(entity, relationship).block(WAIT);
        }

        @Override
        public <P, C> List<C> fetch(P entity, io.retort.orm.ManyToMany<P, C> relationship) {
            return s.fetch(entity, relationship).block(WAIT);
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
            return s.fetch(entity, relationship).block(WAIT);
        }

        @Override
        public <T> T noAutoflush(java.util.function.Supplier<T> body) {
            return s.noAutoflush(() -> reactor.core.publisher.Mono.fromSupplier(body)).blockLast(WAIT);
        }

        @Override
        public void expire(Object entity, Object... attributes) {
            s.expire(entity, attributes);
        }

        @Override
        public <E> E merge(E detached) {
            return s.merge(detached).block(WAIT);
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
            s.execute(statement, sync).then().block(WAIT);
        }

        @Override
        public Savepoint beginNested() {
            AsyncSessionSavepoint sp = s.beginNested().block(WAIT);
            return Savepoint.of(() -> sp.commit().block(WAIT), () -> sp.rollback().block(WAIT), sp::isActive);
        }

        @Override
        public long count(Table table) {
            return ((Number) s.execute(select(io.retort.Sql.count()).from(table)).next().block(WAIT).get(0)).longValue();
        }

        @Override
        public void close() {
            s.close().block(WAIT);
        }
    }
}
