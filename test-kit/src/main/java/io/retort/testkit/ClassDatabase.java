package io.retort.testkit;

import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import io.retort.Sql;
import io.retort.compile.Dialect;
import io.retort.jdbc.Engine;
import io.retort.jdbc.SessionFactory;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncSessionFactory;
import io.retort.schema.Table;
import io.retort.statement.Statement;
import io.retort.testkit.internal.DatabaseAdmin;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One test class's database: its address, its schema made once, and the class's own engines (real pools, whose
 * work commits), from which each test's connections come. JUnit's callbacks are synchronous, so the reactive work
 * here is waited for, with a timeout. Thread-safe; closing it closes the engines and removes what it made.
 */
final class ClassDatabase implements AutoCloseable {
    private final ExtensionSettings settings;
    private final DatabaseAddress address;
    private final boolean jdbc;
    private @Nullable Engine engine;
    private @Nullable AsyncEngine asyncEngine;
    private @Nullable SessionFactory sessions;
    private @Nullable AsyncSessionFactory asyncSessions;
    private boolean closed;

    private ClassDatabase(ExtensionSettings settings, DatabaseAddress address) {
        this.settings = settings;
        this.address = address;
        this.jdbc = DatabaseAdmin.hasJdbcDriver(address.engineUrl);
    }

    /**
     * Makes the class's schema (a fresh one, or the tables where the URL points) as the settings ask.
     *
     * @param settings the extension's settings
     * @param address  where the database is
     * @return the database, ready
     */
    static ClassDatabase open(ExtensionSettings settings, DatabaseAddress address) {
        if (address.freshSchema != null) {
            DatabaseAdmin.run(address.adminEngineUrl, address.adminAsyncEngineUrl, List.of("CREATE SCHEMA " + address.freshSchema));
        }
        ClassDatabase db = new ClassDatabase(settings, address);
        try {
            if (settings.schema != SchemaSetup.EXISTING && !settings.metadata.tables().isEmpty()) {
                if (db.jdbc) {
                    db.engine().createAll(settings.metadata);
                } else {
                    db.asyncEngine().createAll(settings.metadata).block(DatabaseAdmin.TIMEOUT);
                }
            }
        } catch (RuntimeException e) {
            try {
                db.close();
            } catch (RuntimeException c) {
                e.addSuppressed(c);
            }
            throw e;
        }
        return db;
    }

    ExtensionSettings settings() {
        return settings;
    }

    Dialect dialect() {
        return address.dialect;
    }

    /** @return the class's blocking engine, on a pool of its own */
    synchronized Engine engine() {
        requireOpen();
        if (engine == null) {
            engine = Engine.create(address.engineUrl, settings.engineOptions);
        }
        return engine;
    }

    /** @return the class's reactive engine, on a pool of its own */
    synchronized AsyncEngine asyncEngine() {
        requireOpen();
        if (asyncEngine == null) {
            asyncEngine = AsyncEngine.create(address.asyncEngineUrl, settings.asyncEngineOptions);
        }
        return asyncEngine;
    }

    /** @return the driver's own connection factory behind the reactive engine's pool: connections no pool lends again */
    @SuppressWarnings("unchecked")
    ConnectionFactory directConnectionFactory() {
        ConnectionFactory pool = asyncEngine().connectionFactory();
        return pool instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory direct ? direct : pool;
    }

    synchronized SessionFactory sessionFactory() {
        if (sessions == null) {
            sessions = new SessionFactory(engine(), settings.sessionOptions, settings.entityTables());
        }
        return sessions;
    }

    synchronized AsyncSessionFactory asyncSessionFactory() {
        if (asyncSessions == null) {
            asyncSessions = new AsyncSessionFactory(asyncEngine(), settings.sessionOptions, settings.entityTables());
        }
        return asyncSessions;
    }

    /** Deletes every row of the extension's tables, children first, in one transaction: {@code DELETE_ROWS}'s cleanup. */
    void deleteRows() {
        List<Table> tables = new ArrayList<>(settings.metadata.sortedTables());
        if (tables.isEmpty()) {
            return;
        }
        Collections.reverse(tables);
        List<Statement> deletes = tables.stream().<Statement>map(t -> Sql.deleteFrom(t).all()).toList();
        if (jdbc) {
            engine().inTransaction(c -> {
                deletes.forEach(c::execute);
                return null;
            });
        } else {
            asyncEngine().inTransaction(c -> Flux.fromIterable(deletes).concatMap(c::execute)).then().block(DatabaseAdmin.TIMEOUT);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        try {
            if (asyncEngine != null) {
                asyncEngine.close().block(DatabaseAdmin.TIMEOUT);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            if (engine != null) {
                engine.close();
            }
        } catch (RuntimeException e) {
            failure = add(failure, e);
        }
        try {
            if (address.freshSchema != null) {
                DatabaseAdmin.run(address.adminEngineUrl, address.adminAsyncEngineUrl,
                        List.of("DROP SCHEMA " + address.freshSchema + " CASCADE"));
            } else if (address.embedded) {
                DatabaseAdmin.run(address.engineUrl, address.asyncEngineUrl, List.of("SHUTDOWN"));
            }
        } catch (RuntimeException e) {
            failure = add(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException add(@Nullable RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The test class's database is closed: its engines are gone after the class ends");
        }
    }

    /** @return the address */
    @Override
    public String toString() {
        return "ClassDatabase[" + address + "]";
    }
}
