package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.engine.RetryPolicy;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.statement.Statement;
import io.retort.testing.DatabaseUnderTest;
import io.retort.testing.faults.FaultPath;
import io.retort.testing.faults.FaultScenarios;
import io.retort.testing.faults.PathOptions;
import io.retort.testing.orm.OrmScenarios;
import io.retort.testing.orm.ScenarioSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.function.Function;

import static io.retort.Sql.select;

/**
 * The reliability plan's fault rows through the AsyncSession, on H2 and PostgreSQL. The scenarios are written
 * against a synchronous facade; a retried unit of work waits on its session's Monos on a thread made for
 * waiting ({@code boundedElastic}), never on one of Reactor's non-blocking threads.
 */
class ReactiveFaultsIT extends FaultScenarios {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    protected FaultPath openPath(Dialect dialect, DatabaseUnderTest.Isolated db, PathOptions options) {
        AsyncEngineOptions engineOptions = AsyncEngineOptions.DEFAULTS.withMaxPoolSize(options.maxPoolSize())
                .withStatementTimeout(options.statementTimeout()).withApplicationName(db.name())
                .withLeakDetectionThreshold(options.leakThreshold()).withEcho(options.echo());
        AsyncEngine engine = AsyncEngine.create(db.asyncEngineUrl(), engineOptions);
        AsyncSessionFactory sessions = new AsyncSessionFactory(engine, OrmScenarios.ENTITY_TABLES);
        return new FaultPath() {
            @Override
            public Dialect dialect() {
                return dialect;
            }

            @Override
            public String applicationName() {
                return db.name();
            }

            @Override
            public void createAll(MetaData metadata) {
                engine.createAll(metadata).block(WAIT);
            }

            @Override
            public ScenarioSession open() {
                return new ReactiveOrmScenariosIT.Blocking(sessions.open());
            }

            @Override
            public <T> T retrying(RetryPolicy policy, boolean serializable, Function<ScenarioSession, T> work) {
                return sessions.retrying(policy, serializable ? IsolationLevel.SERIALIZABLE : null,
                        s -> Mono.fromCallable(() -> work.apply(new ReactiveOrmScenariosIT.Blocking(s)))
                                .subscribeOn(Schedulers.boundedElastic())).block(WAIT);
            }

            @Override
            public void execute(Statement statement) {
                engine.execute(statement).then().block(WAIT);
            }

            @Override
            public long count(Table table) {
                return ((Number) engine.scalar(select(io.retort.Sql.count()).from(table)).block(WAIT)).longValue();
            }

            @Override
            public int lentConnections() {
                return engine.poolStats().active();
            }

            @Override
            public String describe() {
                return engine + "\n" + engine.options() + "\n" + engine.poolStats();
            }

            @Override
            public void closeEngine() {
                engine.close().block(WAIT);
            }

            @Override
            public void close() {
                engine.close().block(WAIT);
            }
        };
    }

    @Override
    protected Duration validationBypassWindow() {
        return Duration.ZERO;   // every borrow is validated with a round trip (ValidationDepth.REMOTE)
    }
}
