package io.retort.jdbc;

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

import java.time.Duration;
import java.util.function.Function;

import static io.retort.Sql.select;

/** The reliability plan's fault rows through the blocking Session, on H2 and PostgreSQL. */
class BlockingFaultsIT extends FaultScenarios {
    @Override
    protected FaultPath openPath(Dialect dialect, DatabaseUnderTest.Isolated db, PathOptions options) {
        EngineOptions engineOptions = EngineOptions.DEFAULTS.withMaxPoolSize(options.maxPoolSize()).withMinIdle(0)
                .withStatementTimeout(options.statementTimeout()).withApplicationName(db.name())
                .withLeakDetectionThreshold(options.leakThreshold()).withEcho(options.echo());
        Engine engine = Engine.create(db.engineUrl(), engineOptions);
        SessionFactory sessions = new SessionFactory(engine, OrmScenarios.ENTITY_TABLES);
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
                engine.createAll(metadata);
            }

            @Override
            public ScenarioSession open() {
                return BlockingOrmDriver.wrap(sessions.open());
            }

            @Override
            public <T> T retrying(RetryPolicy policy, boolean serializable, Function<ScenarioSession, T> work) {
                return sessions.retrying(policy, serializable ? IsolationLevel.SERIALIZABLE : null,
                        s -> work.apply(BlockingOrmDriver.wrap(s)));
            }

            @Override
            public void execute(Statement statement) {
                engine.execute(statement);
            }

            @Override
            public long count(Table table) {
                return ((Number) engine.scalar(select(io.retort.Sql.count()).from(table))).longValue();
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
                engine.close();
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }

    @Override
    protected Duration validationBypassWindow() {
        // HikariCP checks a borrowed connection only if it was last used more than 500 ms ago
        return Duration.ofMillis(600);
    }
}
