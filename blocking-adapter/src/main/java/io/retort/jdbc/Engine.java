package io.retort.jdbc;

import io.retort.engine.internal.StatementLog;
import io.retort.engine.PoolStats;
import io.retort.engine.StatementListener;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.retort.compile.Compiler;
import io.retort.compile.DdlCompiler;
import io.retort.compile.Dialect;
import io.retort.compile.PlaceholderStyle;
import io.retort.ddl.SchemaDdl;
import io.retort.exception.PoolTimeoutException;
import io.retort.exception.ResourceClosedException;
import io.retort.exception.RetortException;
import io.retort.schema.MetaData;
import io.retort.statement.Statement;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The starting point of the blocking path (SQLAlchemy's {@code create_engine}): a dialect, a HikariCP pool and
 * a compiled-statement cache, made from one URL.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create("h2:mem:app", EngineOptions.DEFAULTS.withEcho(true))) {
 *     engine.createAll(METADATA);
 *     engine.inTransaction(c -> c.execute(insertInto(USERS).set(USERS.NAME, "ada")));
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();
    private static final org.slf4j.Logger LEAKS = org.slf4j.LoggerFactory.getLogger("io.retort.leak");

    private final Dialect dialect;
    /** How the engine is described in messages, with any password hidden. */
    private final String shown;
    private final EngineOptions options;
    /** Where connections come from: Retort's own pool, or the application's DataSource. */
    private final DataSource pool;
    /** The pool Retort made and closes, or {@code null} when the application owns it. */
    private final @org.jspecify.annotations.Nullable HikariDataSource ownedPool;
    /** Connections lent and not yet closed, for pools whose counts Retort cannot read. */
    private final java.util.concurrent.atomic.AtomicInteger lent = new java.util.concurrent.atomic.AtomicInteger();
    private final Compiler compiler;
    private final JdbcValues values;
    private final StatementLog log;
    private final io.retort.jdbc.profile.JdbcDriverProfile profile;
    private final io.retort.engine.internal.LeakWatch leaks;
    private volatile boolean closed;
    /** Whether a connection was ever had: until then a borrow first checks the address directly, to fail fast. */
    private volatile boolean reachedOnce;

    private Engine(EngineUrl url, EngineOptions options) {
        this(url.dialect(), EngineUrl.redact(url.jdbcUrl()), options, new HikariDataSource(hikariConfig(url, options)), true);
    }

    private Engine(Dialect dialect, String shown, EngineOptions options, DataSource pool, boolean owned) {
        this.dialect = dialect;
        this.shown = shown;
        this.options = options;
        this.compiler = Compiler.of(dialect, PlaceholderStyle.QUESTION_MARK);
        this.values = new JdbcValues(dialect);
        this.log = new StatementLog(options.echo());
        this.profile = io.retort.jdbc.profile.JdbcDriverProfiles.forDialect(dialect);
        this.leaks = io.retort.engine.internal.LeakWatch.of(options.leakDetectionThreshold(),
                (message, openedAt) -> LEAKS.warn(message, openedAt));
        this.pool = pool;
        this.ownedPool = owned ? (HikariDataSource) pool : null;
        this.reachedOnce = !owned;
    }

    /**
     * An engine on a DataSource the application already has (Spring Boot's, a test container's, an application
     * server's), with Retort's echo, errors and types. The DataSource stays the application's: {@link #close()}
     * does not close it, and the pool options ({@code maxPoolSize}, timeouts) are its own, not Retort's. The
     * dialect is read from one connection's metadata.
     *
     * @param dataSource the application's data source
     * @param options    echo, isolation, fetch size and statement timeout (pool sizes are ignored)
     * @return the engine
     * @throws io.retort.exception.UnsupportedByDialectException when no registered dialect knows the database
     * @throws io.retort.exception.StatementException when no connection can be had to find out
     */
    public static Engine of(DataSource dataSource, EngineOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        String product;
        try (java.sql.Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw io.retort.exception.internal.SqlStates.translate(
                    io.retort.exception.internal.DriverMessages.sanitize(e.getMessage()),
                    "connect to " + dataSource.getClass().getName(), List.of(), e.getSQLState(), null, e);
        }
        Dialect dialect = io.retort.dialect.Dialects.forProductName(product);
        return new Engine(dialect, "DataSource " + dataSource.getClass().getName(), options, dataSource, false);
    }

    /**
     * An engine on an application's DataSource that speaks a dialect of the caller's choosing (a dialect of one's
     * own, or a variant of a registered one), instead of the one the metadata names.
     *
     * @param dataSource the application's data source
     * @param dialect    the dialect to compile for; its id picks the JDBC driver profile
     * @param options    echo, isolation, fetch size and statement timeout (pool sizes are ignored)
     * @return the engine
     */
    public static Engine of(DataSource dataSource, Dialect dialect, EngineOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(options, "options");
        return new Engine(dialect, "DataSource " + dataSource.getClass().getName(), options, dataSource, false);
    }

    /**
     * @param dataSource the application's data source
     * @return an engine on it with the default options; see {@link #of(DataSource, EngineOptions)}
     */
    public static Engine of(DataSource dataSource) {
        return of(dataSource, EngineOptions.DEFAULTS);
    }

    /**
     * @param url {@code h2:mem:name}, {@code h2:file:path}, {@code postgresql://user:pass@host:port/db} or a JDBC URL
     * @return an engine with the default options
     */
    public static Engine create(String url) {
        return create(url, EngineOptions.DEFAULTS);
    }

    /**
     * @param url     the database's address
     * @param options pool, echo and timeout options
     * @return the engine; close it to close its pool
     */
    public static Engine create(String url, EngineOptions options) {
        Objects.requireNonNull(options, "options");
        EngineUrl parsed = EngineUrl.parse(url);
        try {
            return new Engine(parsed, options);
        } catch (RuntimeException e) {
            throw new RetortException("Cannot start an engine for [" + EngineUrl.redact(parsed.jdbcUrl()) + "]: " + e.getMessage(), e);
        }
    }

    private static HikariConfig hikariConfig(EngineUrl url, EngineOptions options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        config.setPoolName("retort-" + POOL_NUMBER.incrementAndGet());
        config.setMaximumPoolSize(options.maxPoolSize());
        config.setMinimumIdle(options.minIdle());
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        config.setIdleTimeout(options.idleTimeout().toMillis());
        config.setMaxLifetime(options.maxLifetime().toMillis());
        // leaks are reported by Retort's own watch, with the stack of the session's or connection's opening
        config.setAutoCommit(true);
        // connections are opened on demand, so creating an engine never fails just because the server is slow
        config.setInitializationFailTimeout(-1);
        if (options.isolation() != null) {
            config.setTransactionIsolation("TRANSACTION_" + options.isolation().name());
        }
        io.retort.jdbc.profile.JdbcDriverProfile profile = io.retort.jdbc.profile.JdbcDriverProfiles.forDialect(url.dialect());
        profile.driverProperties(options.applicationName()).forEach(config::addDataSourceProperty);
        options.driverProperties().forEach(config::addDataSourceProperty);
        if (options.statementTimeout() != null) {
            profile.serverStatementTimeout(options.statementTimeout()).forEach((name, value) -> {
                Object given = config.getDataSourceProperties().get(name);
                // appended to what the application set (PostgreSQL's "options" holds several -c settings)
                config.addDataSourceProperty(name, given == null ? value : given + " " + value);
            });
        }
        return config;
    }

    /**
     * Borrows a connection from the pool; close it to give it back.
     *
     * @return the connection
     * @throws PoolTimeoutException if none is free within the connection timeout
     * @throws ResourceClosedException if the engine is closed
     */
    public Connection connect() {
        return connect("Connection", leaks.isOn() ? new Throwable("the Connection was borrowed here") : null);
    }

    /** @return whether a holder should capture where it was opened, for the leak report */
    boolean watchesLeaks() {
        return leaks.isOn();
    }

    /**
     * @param holder   what holds the connection, for the leak report
     * @param openedAt where the holder was opened, or {@code null} when leaks are not watched
     */
    Connection connect(String holder, Throwable openedAt) {
        requireOpen();
        if (!reachedOnce) {
            checkAddress();
        }
        try {
            Connection c = new Connection(this, pool.getConnection(),
                    openedAt == null ? () -> { } : leaks.watch(holder, openedAt));
            reachedOnce = true;
            lent.incrementAndGet();
            return c;
        } catch (SQLTransientConnectionException e) {
            if (poolStats().total() == 0 && e.getCause() instanceof SQLException cause) {
                // the pool could not open a single connection: the driver's reason is the news, not the pool's size
                throw JdbcErrors.translate(dialect, cause, "connect to " + shown, List.of());
            }
            throw new PoolTimeoutException("No connection became free within " + options.connectionTimeout().toMillis()
                    + " ms (" + poolStats() + "); raise maxPoolSize or connectionTimeout, or close connections sooner", e);
        } catch (SQLException e) {
            if (closed) {
                throw new ResourceClosedException("This engine is closed", e);
            }
            throw JdbcErrors.translate(dialect, e, "connect to " + shown, List.of());
        }
    }

    /** A connection lent by {@link #connect()} was closed. */
    void returned() {
        lent.decrementAndGet();
    }

    /**
     * Opens one connection straight through the driver, the way the pool would, and closes it. Until a first
     * connection succeeds, a wrong user, password, database or port is reported this way within the driver's
     * connect timeout, with the driver's reason, instead of after the pool's connection timeout.
     */
    private synchronized void checkAddress() {
        // one check at a time: the threads that start together wait for its answer instead of each opening one
        if (reachedOnce || ownedPool == null) {
            return;
        }
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(ownedPool.getDataSourceProperties());
        if (ownedPool.getUsername() != null) {
            properties.setProperty("user", ownedPool.getUsername());
        }
        if (ownedPool.getPassword() != null) {
            properties.setProperty("password", ownedPool.getPassword());
        }
        try (java.sql.Connection probe = java.sql.DriverManager.getConnection(ownedPool.getJdbcUrl(), properties)) {
            reachedOnce = true;
        } catch (SQLException e) {
            throw JdbcErrors.translate(dialect, e, "connect to " + shown, List.of());
        }
    }

    /**
     * Runs a query on a pooled connection and returns the first column of its only row, as
     * {@code AsyncEngine.scalar} does.
     *
     * @param statement a query
     * @param <T>       the value's Java type
     * @return the value, or {@code null} when there is no row or the value is SQL NULL
     * @throws io.retort.exception.MultipleResultsException if it returned more than one row
     */
    public <T> @org.jspecify.annotations.Nullable T scalar(Statement statement) {
        return execute(statement).scalar();
    }

    /**
     * Runs one statement on a pooled connection, committed at once.
     *
     * @param statement the statement
     * @return its result
     */
    public Result execute(Statement statement) {
        try (Connection c = connect()) {
            return c.execute(statement);
        }
    }

    /**
     * Runs {@code work} in a transaction on a pooled connection: committed when it returns, rolled back when it
     * throws, and the connection returned to the pool either way.
     *
     * @param work what to do
     * @param <T>  its result
     * @return what {@code work} returned
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection c = connect()) {
            return c.inTransaction(work);
        }
    }

    /** @param metadata the schema to create, skipping what exists */
    public void createAll(MetaData metadata) {
        try (Connection c = connect()) {
            log.event(String.join(";\n", new DdlCompiler(dialect()).createAll(metadata)));
            SchemaDdl.createAll(metadata, c.jdbcConnection());
        }
    }

    /**
     * Reads the live schema into a model that compares with {@code DeclaredSchema.of(metadata, dialect)}: tables,
     * columns with types, nullability, defaults and identity, keys, foreign keys with their actions, unique and
     * check constraints, indexes, comments, sequences and enum types.
     *
     * @param schemas the schemas to read; none (or {@code null}) for the default one
     * @return what the database holds there
     * @throws io.retort.exception.UnsupportedByDialectException when the dialect cannot read its catalog
     */
    public io.retort.schema.model.SchemaModel inspect(String... schemas) {
        io.retort.compile.SchemaInspection inspection = inspection();
        List<String> names = io.retort.compile.SchemaInspection.schemas(schemas);
        List<List<Object[]>> results = new java.util.ArrayList<>();
        try (Connection c = connect()) {
            for (String query : inspection.queries(names)) {
                List<Object[]> rows = new java.util.ArrayList<>();
                for (io.retort.engine.Row row : c.execute(io.retort.Sql.text(query)).rows()) {
                    rows.add(row.values().toArray());
                }
                results.add(rows);
            }
        }
        return inspection.model(names, results);
    }

    private io.retort.compile.SchemaInspection inspection() {
        io.retort.compile.SchemaInspection inspection = dialect().schemaInspection();
        if (inspection == null) {
            throw new io.retort.exception.UnsupportedByDialectException("The " + dialect().name()
                    + " dialect cannot read its database's catalog (inspect, autogenerate)");
        }
        return inspection;
    }

    /** @param metadata the schema to drop, skipping what is gone */
    public void dropAll(MetaData metadata) {
        try (Connection c = connect()) {
            log.event(String.join(";\n", new DdlCompiler(dialect()).dropAll(metadata)));
            SchemaDdl.dropAll(metadata, c.jdbcConnection());
        }
    }

    /**
     * Registers a listener told about every statement this engine runs.
     *
     * @param listener the listener
     * @return closing it removes the listener
     */
    public AutoCloseable addStatementListener(StatementListener listener) {
        return log.listen(Objects.requireNonNull(listener, "listener"));
    }

    io.retort.jdbc.profile.JdbcDriverProfile profile() {
        return profile;
    }

    /**
     * A connection was lost. A server that restarted or dropped its sessions has killed the idle ones too, and the
     * pool checks a connection on borrow only if it sat idle for half a second: so the idle ones are closed now and
     * connections in use are replaced when they come back, instead of each failing a caller's next statement.
     */
    void connectionLost() {
        if (ownedPool != null && !closed) {
            com.zaxxer.hikari.HikariPoolMXBean pool = ownedPool.getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        }
    }

    /**
     * @return whether the server times statements by its session setting, which every connection of the engine's own
     *         pool starts with at the engine's default
     */
    boolean serverTimesStatements() {
        return ownedPool != null && profile.timesStatementsOnServer();
    }

    /** @return the dialect, from the URL or the DataSource's metadata */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the options the engine was made with */
    public EngineOptions options() {
        return options;
    }

    /** @return the pool as a JDBC data source, for tools that want one */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * @return the pool's counts now; for an application's DataSource that is not HikariCP, only the connections
     *         this engine lent out are known (as active and total)
     */
    public PoolStats poolStats() {
        if (!(pool instanceof HikariDataSource hikari)) {
            int active = Math.max(0, lent.get());
            return new PoolStats(active, 0, active, 0);
        }
        HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
        if (bean == null) {
            return new PoolStats(0, 0, 0, 0);
        }
        return new PoolStats(bean.getActiveConnections(), bean.getIdleConnections(), bean.getTotalConnections(),
                bean.getThreadsAwaitingConnection());
    }

    Compiler compiler() {
        return compiler;
    }

    JdbcValues values() {
        return values;
    }

    StatementLog log() {
        return log;
    }

    /**
     * Closes the pool Retort made; an application's DataSource is left open. Later calls fail with
     * {@link ResourceClosedException}.
     */
    @Override
    public void close() {
        closed = true;
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new ResourceClosedException("This engine is closed; create a new one with Engine.create(url)");
        }
    }

    /** @return the engine's database, its URL without a password */
    @Override
    public String toString() {
        return "Engine[" + shown + "]";
    }
}
