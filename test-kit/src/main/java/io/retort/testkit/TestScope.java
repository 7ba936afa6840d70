package io.retort.testkit;

import io.r2dbc.spi.Connection;
import io.retort.compile.Dialect;
import io.retort.jdbc.Engine;
import io.retort.jdbc.Session;
import io.retort.jdbc.SessionFactory;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncSession;
import io.retort.r2dbc.AsyncSessionFactory;
import io.retort.testkit.internal.DatabaseAdmin;
import io.retort.testkit.internal.SharedTransactionConnectionFactory;
import io.retort.testkit.internal.SharedTransactionDataSource;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one test gets: engines of its own (each made the first time the test asks for something that needs it),
 * the sessions on them, and the recorder listening to them. Under {@link TestIsolation#ROLLBACK} each engine runs
 * on one connection whose transaction is rolled back at the end; under {@link TestIsolation#DELETE_ROWS} on the
 * class's pools. Closing it ends everything in reverse order and reports every failure.
 */
final class TestScope implements AutoCloseable {
    /** The longest the end of a test waits for its reactive engine's connections to come back. */
    private static final Duration RETURN_WAIT = Duration.ofSeconds(5);

    private final ClassDatabase database;
    private final SqlRecorder recorder = SqlRecorder.create();
    private @Nullable SharedTransactionDataSource sharedJdbc;
    private @Nullable SharedTransactionConnectionFactory sharedR2dbc;
    private @Nullable Engine engine;
    private @Nullable AsyncEngine asyncEngine;
    private @Nullable SessionFactory sessions;
    private @Nullable AsyncSessionFactory asyncSessions;
    private @Nullable Session session;
    private @Nullable AsyncSession asyncSession;
    private boolean closed;

    TestScope(ClassDatabase database) {
        this.database = database;
    }

    /**
     * @param type a parameter type {@link RetortExtension} supports
     * @return this test's instance of it
     */
    synchronized Object resolve(Class<?> type) {
        if (closed) {
            throw new IllegalStateException("This test's database scope has ended");
        }
        if (type == Session.class) {
            return session();
        } else if (type == AsyncSession.class) {
            return asyncSession();
        } else if (type == SessionFactory.class) {
            return sessionFactory();
        } else if (type == AsyncSessionFactory.class) {
            return asyncSessionFactory();
        } else if (type == Engine.class) {
            return engine();
        } else if (type == AsyncEngine.class) {
            return asyncEngine();
        } else if (type == SqlRecorder.class) {
            return recorder;
        } else if (type == Dialect.class) {
            return database.dialect();
        }
        throw new IllegalArgumentException("Not a parameter type of RetortExtension: " + type.getName());
    }

    private Engine engine() {
        if (engine == null) {
            ExtensionSettings settings = database.settings();
            if (settings.isolation == TestIsolation.ROLLBACK) {
                try {
                    sharedJdbc = SharedTransactionDataSource.begin(database.engine().dataSource().getConnection());
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot begin the test's transaction: " + e.getMessage(), e);
                }
                engine = Engine.of(sharedJdbc, database.dialect(), settings.engineOptions);
            } else {
                engine = Engine.of(database.engine().dataSource(), database.dialect(), settings.engineOptions);
            }
            recorder.listenTo(engine);
        }
        return engine;
    }

    private AsyncEngine asyncEngine() {
        if (asyncEngine == null) {
            ExtensionSettings settings = database.settings();
            if (settings.isolation == TestIsolation.ROLLBACK) {
                Connection physical = Mono.from(database.directConnectionFactory().create()).block(DatabaseAdmin.TIMEOUT);
                sharedR2dbc = SharedTransactionConnectionFactory.begin(physical)
                        .onErrorResume(e -> Mono.from(physical.close()).then(Mono.error(e)))
                        .block(DatabaseAdmin.TIMEOUT);
                // the connection is the test's own: checking it with a round trip at every borrow would add nothing
                asyncEngine = AsyncEngine.of(sharedR2dbc, database.dialect(), settings.asyncEngineOptions.withRemoteValidation(false));
            } else {
                asyncEngine = AsyncEngine.of(database.asyncEngine().connectionFactory(), database.dialect(), settings.asyncEngineOptions);
            }
            recorder.listenTo(asyncEngine);
        }
        return asyncEngine;
    }

    private SessionFactory sessionFactory() {
        if (sessions == null) {
            sessions = new SessionFactory(engine(), database.settings().sessionOptions, database.settings().entityTables());
        }
        return sessions;
    }

    private AsyncSessionFactory asyncSessionFactory() {
        if (asyncSessions == null) {
            asyncSessions = new AsyncSessionFactory(asyncEngine(), database.settings().sessionOptions, database.settings().entityTables());
        }
        return asyncSessions;
    }

    private Session session() {
        if (session == null) {
            session = sessionFactory().open();
        }
        return session;
    }

    private AsyncSession asyncSession() {
        if (asyncSession == null) {
            asyncSession = asyncSessionFactory().open();
        }
        return asyncSession;
    }

    /**
     * Waits, briefly, until no connection of the test's reactive engine is lent out. A test that cancels an engine
     * operation ({@code next()}, {@code take(1)}) leaves its rollback running in the background; the test's
     * transaction must outlive it. The engine signals nothing when a connection comes back, so its pool's count is
     * read every few milliseconds; a connection the test never gave back is waited for no longer than
     * {@link #RETURN_WAIT}.
     */
    private static Mono<Void> awaitConnectionsReturned(AsyncEngine engine) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(5))
                .filter(tick -> engine.poolStats().active() == 0)
                .next()
                .timeout(RETURN_WAIT, Mono.just(-1L))
                .then();
    }

    /** Closes the sessions, then the engines, then rolls back; every failure is reported. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Runnable> steps = new ArrayList<>();
        if (session != null) {
            steps.add(session::close);
        }
        if (asyncSession != null) {
            steps.add(() -> asyncSession.close().block(DatabaseAdmin.TIMEOUT));
        }
        steps.add(recorder::close);
        if (asyncEngine != null) {
            steps.add(() -> awaitConnectionsReturned(asyncEngine).then(asyncEngine.close()).block(DatabaseAdmin.TIMEOUT));
        }
        if (sharedR2dbc != null) {
            steps.add(() -> sharedR2dbc.rollbackAndClose().block(DatabaseAdmin.TIMEOUT));
        }
        if (engine != null) {
            steps.add(engine::close);
        }
        if (sharedJdbc != null) {
            steps.add(() -> {
                try {
                    sharedJdbc.rollbackAndClose();
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot roll back the test's transaction: " + e.getMessage(), e);
                }
            });
        }
        RuntimeException failure = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
