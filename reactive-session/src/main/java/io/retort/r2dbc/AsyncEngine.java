package io.retort.r2dbc;

import io.retort.engine.internal.StatementLog;
import org.jspecify.annotations.Nullable;
import io.retort.engine.PoolStats;
import io.retort.engine.StatementListener;
import io.retort.engine.Row;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.ValidationDepth;
import io.retort.compile.Compiler;
import io.retort.compile.DdlCompiler;
import io.retort.compile.Dialect;
import io.retort.compile.PlaceholderStyle;
import io.retort.exception.PoolTimeoutException;
import io.retort.exception.ResourceClosedException;
import io.retort.exception.RetortException;
import io.retort.exception.internal.SqlStates;
import io.retort.schema.MetaData;
import io.retort.statement.Statement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The starting point of the reactive path (SQLAlchemy's {@code create_async_engine}): a dialect, an r2dbc-pool
 * pool with safe defaults and a compiled-statement cache, made from one URL. Statements compile with numbered
 * placeholders ({@code $1, $2, ...}). Nothing it returns does anything until subscribed, and nothing blocks.
 *
 * <pre>{@code
 * AsyncEngine engine = AsyncEngine.create("postgresql://app@localhost/shop", AsyncEngineOptions.DEFAULTS.withEcho(true));
 * engine.createAll(METADATA)
 *       .thenMany(engine.inTransaction(c -> c.execute(insertInto(USERS).set(USERS.NAME, "ada").returning(USERS.ID))))
 *       .map(row -> row.get(USERS.ID))
 *       .subscribe(id -> System.out.println("new user " + id));
 * }</pre>
 */
public final class AsyncEngine {
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final Dialect dialect;
    private final io.retort.r2dbc.profile.R2dbcDriverProfile profile;
    /** How the engine is described in messages, with any password hidden. */
    private final String shown;
    /** Whether the pool is Retort's own, to close with the engine and to veto broken connections in. */
    private final boolean owned;
    private final AsyncEngineOptions options;
    private final ConnectionPool pool;
    /** Physical connections to drop instead of pooling when they come back; see {@link #discard}. */
    private final java.util.Set<io.r2dbc.spi.Connection> discards =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    private final Compiler compiler;
    private final R2dbcValues values;
    private final StatementLog log;
    private final io.retort.engine.internal.LeakWatch leaks;
    private volatile boolean closed;

    private AsyncEngine(AsyncEngineUrl url, AsyncEngineOptions options) {
        this(url.dialect(), url.profile(), url.shown(), options, null, urlFactory(url, options));
    }

    /**
     * @param foreign the application's pool to run on, or {@code null} to make one over {@code factory}
     * @param factory what Retort's own pool creates connections with (ignored with a foreign pool)
     */
    private AsyncEngine(Dialect dialect, io.retort.r2dbc.profile.R2dbcDriverProfile profile, String shown,
                        AsyncEngineOptions options, @org.jspecify.annotations.Nullable ConnectionPool foreign,
                        io.r2dbc.spi.@org.jspecify.annotations.Nullable ConnectionFactory factory) {
        this.dialect = dialect;
        this.profile = profile;
        this.shown = shown;
        this.options = options;
        this.compiler = Compiler.of(dialect, PlaceholderStyle.NUMBERED);
        this.values = new R2dbcValues(dialect);
        this.log = new StatementLog(options.echo());
        this.leaks = io.retort.engine.internal.LeakWatch.of(options.leakDetectionThreshold(),
                (message, openedAt) -> org.slf4j.LoggerFactory.getLogger("io.retort.leak").warn(message, openedAt));
        this.owned = foreign == null;
        this.pool = foreign != null ? foreign : new ConnectionPool(poolConfiguration(factory, profile, options, discards));
    }

    /**
     * An engine on a connection factory the application already has (Spring Boot's, a test container's), with the
     * same echo, errors and types. An r2dbc-pool {@link ConnectionPool} is used as it is: {@link #close()} leaves it
     * open, its sizes and timeouts are its own, and since Retort cannot veto a connection's return to a pool it does
     * not own, a connection Retort would drop (a failed rollback, a cancel request that may arrive late) is closed
     * underneath before it goes back, so the pool's validation replaces it. Any other factory gets a pool of
     * Retort's, sized by {@code options}. The dialect is read from the factory's metadata.
     *
     * @param factory the application's connection factory or pool
     * @param options echo, fetch size and timeouts (pool sizes apply only to a pool Retort makes)
     * @return the engine
     * @throws io.retort.exception.UnsupportedByDialectException when no registered dialect knows the database
     */
    public static AsyncEngine of(io.r2dbc.spi.ConnectionFactory factory, AsyncEngineOptions options) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(options, "options");
        return of(factory, io.retort.dialect.Dialects.forProductName(factory.getMetadata().getName()), options);
    }

    /**
     * An engine on an application's connection factory that speaks a dialect of the caller's choosing (a dialect of
     * one's own, or a variant of a registered one), instead of the one the metadata names.
     *
     * @param factory the application's connection factory or pool
     * @param dialect the dialect to compile for; its id picks the R2DBC driver profile
     * @param options echo, fetch size and timeouts (pool sizes apply only to a pool Retort makes)
     * @return the engine
     */
    public static AsyncEngine of(io.r2dbc.spi.ConnectionFactory factory, Dialect dialect, AsyncEngineOptions options) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(options, "options");
        io.retort.r2dbc.profile.R2dbcDriverProfile profile = io.retort.r2dbc.profile.R2dbcDriverProfiles.forDialect(dialect);
        String shown = "ConnectionFactory " + factory.getClass().getName();
        return factory instanceof ConnectionPool pool
                ? new AsyncEngine(dialect, profile, shown, options, pool, null)
                : new AsyncEngine(dialect, profile, shown, options, null, factory);
    }

    /**
     * @param factory the application's connection factory or pool
     * @return an engine on it with the default options; see {@link #of(io.r2dbc.spi.ConnectionFactory, AsyncEngineOptions)}
     */
    public static AsyncEngine of(io.r2dbc.spi.ConnectionFactory factory) {
        return of(factory, AsyncEngineOptions.DEFAULTS);
    }

    private static io.r2dbc.spi.ConnectionFactory urlFactory(AsyncEngineUrl url, AsyncEngineOptions options) {
        ConnectionFactoryOptions.Builder b = url.options().mutate();
        url.profile().engineOptions(b, url.options(), options.applicationName(), options.statementTimeout());
        for (Map.Entry<String, String> o : options.driverOptions().entrySet()) {
            b.option(Option.valueOf(o.getKey()), o.getValue());
        }
        return ConnectionFactories.get(b.build());
    }

    /**
     * @param url {@code h2:mem:name}, {@code h2:file:path}, {@code postgresql://user:pass@host:port/db} or an
     *            {@code r2dbc:h2:}/{@code r2dbc:postgresql:} URL
     * @return an engine with the default options
     * @throws io.retort.exception.InvalidConfigException for an address Retort cannot use
     */
    public static AsyncEngine create(String url) {
        return create(url, AsyncEngineOptions.DEFAULTS);
    }

    /**
     * Makes the engine; no connection is opened until a statement runs.
     *
     * @param url     the database's address
     * @param options pool, echo and timeout options
     * @return the engine; {@link #close()} it to close its pool
     * @throws io.retort.exception.InvalidConfigException for an address Retort cannot use
     */
    public static AsyncEngine create(String url, AsyncEngineOptions options) {
        Objects.requireNonNull(options, "options");
        AsyncEngineUrl parsed = AsyncEngineUrl.parse(url);
        try {
            return new AsyncEngine(parsed, options);
        } catch (RuntimeException e) {
            throw new RetortException("Cannot start an engine for [" + parsed.shown() + "]: " + e.getMessage()
                    + "; is the R2DBC driver for " + parsed.dialect().name() + " on the class path?", e);
        }
    }

    private static ConnectionPoolConfiguration poolConfiguration(io.r2dbc.spi.ConnectionFactory factory,
                                                                 io.retort.r2dbc.profile.R2dbcDriverProfile profile,
                                                                 AsyncEngineOptions options,
                                                                 java.util.Set<io.r2dbc.spi.Connection> discards) {
        ConnectionPoolConfiguration.Builder pool = ConnectionPoolConfiguration.builder(factory);
        profile.poolOptions(pool);
        return pool
                .name("retort-r2dbc-" + POOL_NUMBER.incrementAndGet())
                .maxSize(options.maxPoolSize())
                .initialSize(0)
                .minIdle(options.minIdle())
                .maxAcquireTime(options.maxAcquireTime())
                .maxCreateConnectionTime(options.maxCreateConnectionTime())
                .maxIdleTime(options.maxIdleTime())
                .maxLifeTime(options.maxLifetime())
                .validationDepth(options.validateRemotely() ? ValidationDepth.REMOTE : ValidationDepth.LOCAL)
                // each failed validation discards one dead connection: after a server restart every idle one may be
                // dead, so one retry (r2dbc-pool's default) would lend the caller an error instead of a new connection
                .acquireRetry(options.maxPoolSize() + 1)
                // a failing pre-release makes r2dbc-pool invalidate the connection: it is closed, never lent again
                .preRelease(c -> discards.remove(c)
                        ? Mono.error(new IllegalStateException("Retort discards this connection"))
                        : Mono.empty())
                .build();
    }

    /**
     * Gives a connection back so that the pool closes it instead of lending it again (after a failed rollback, a
     * broken connection, or a cancel request that may still reach its backend). Closing the physical connection
     * ourselves would race with the pool, which could lend it once more before it notices.
     */
    Mono<Void> discard(io.r2dbc.spi.Connection pooled) {
        return Mono.defer(() -> {
            if (!owned) {
                // a pool of the application's: close the driver's connection underneath, so that the pool's validation
                // replaces it rather than lending a connection a late cancel request could still reach
                io.r2dbc.spi.Connection physical = DriverHooks.physical(pooled);
                return Mono.from(physical.close()).onErrorResume(e -> Mono.empty())
                        .then(Mono.from(pooled.close()).onErrorResume(e -> Mono.empty()));
            }
            discards.add(DriverHooks.physical(pooled));
            return Mono.from(pooled.close()).onErrorResume(e -> Mono.empty());
        });
    }


    /**
     * Borrows a connection from the pool. Close it with {@link AsyncConnection#close()} on every path,
     * cancellation included; {@link #withConnection} and {@link #inTransaction} do that for you.
     *
     * @return the connection; errors with {@link PoolTimeoutException} if none is free within
     *         {@code maxAcquireTime}, {@link ResourceClosedException} if the engine is closed
     */
    public Mono<AsyncConnection> connect() {
        return connect("Connection", leaks.isOn() ? new Throwable("the AsyncConnection was asked for here") : null);
    }

    /** @return whether a holder should capture where it was opened, for the leak report */
    boolean watchesLeaks() {
        return leaks.isOn();
    }

    /**
     * @param holder   what holds the connection, for the leak report
     * @param openedAt where the holder was opened, or {@code null} when leaks are not watched
     */
    Mono<AsyncConnection> connect(String holder, Throwable openedAt) {
        return Mono.defer(() -> {
            requireOpen();
            return PoolHandOff.of(pool.create());
        }).onErrorMap(this::acquireFailure).map(c -> new AsyncConnection(this, c,
                openedAt == null ? () -> { } : leaks.watch(holder, openedAt)));
    }

    private Throwable acquireFailure(Throwable e) {
        if (e instanceof RetortException) {
            return e;
        }
        if (e instanceof R2dbcTimeoutException || e instanceof java.util.concurrent.TimeoutException) {
            return new PoolTimeoutException("No connection became free within " + options.maxAcquireTime().toMillis()
                    + " ms (" + poolStats() + "); raise maxPoolSize or maxAcquireTime, or release connections sooner", e);
        }
        if (closed || pool.isDisposed()) {
            return new ResourceClosedException("This engine is closed", e);
        }
        if (e instanceof R2dbcException r) {
            return SqlStates.translate(dialect, io.retort.exception.internal.DriverMessages.sanitize(r.getMessage()),
                    "connect to " + shown, List.of(), r.getSqlState(), r.getErrorCode(), null, r, profile.isTlsRefusal(r));
        }
        return new RetortException("Cannot connect to [" + shown + "]: " + e.getMessage(), e);
    }

    /**
     * Runs {@code work} with a pooled connection, and returns the connection when the work completes, errors
     * or is cancelled (rolling back anything it left open first).
     *
     * @param work what to do with the connection
     * @param <T>  what it emits
     * @return what {@code work} emitted
     */
    public <T> Flux<T> withConnection(Function<? super AsyncConnection, ? extends Publisher<T>> work) {
        Objects.requireNonNull(work, "work");
        return Flux.usingWhen(connect(), c -> Flux.defer(() -> work.apply(c)), AsyncConnection::close,
                AsyncConnection::closeAfter, AsyncConnection::closeQuietly)
                .doOnDiscard(AsyncConnection.class, AsyncConnection::giveBackDiscarded);
    }

    /**
     * Runs {@code work} in a transaction on a pooled connection: committed when its publisher completes, rolled
     * back when it errors <em>or is cancelled</em>, and the connection returned to the pool only after the
     * rollback (closed instead, if the rollback fails).
     *
     * @param work what to do
     * @param <T>  what it emits
     * @return what {@code work} emitted
     */
    public <T> Flux<T> inTransaction(Function<? super AsyncConnection, ? extends Publisher<T>> work) {
        return inTransaction(options.isolation(), work);
    }

    /**
     * @param isolation the isolation level, or {@code null} for the database's default
     * @param work      what to do
     * @param <T>       what it emits
     * @return what {@code work} emitted
     * @see #inTransaction(Function)
     */
    public <T> Flux<T> inTransaction(@Nullable IsolationLevel isolation, Function<? super AsyncConnection, ? extends Publisher<T>> work) {
        Objects.requireNonNull(work, "work");
        // one usingWhen for connection and transaction, so a cancellation rolls back before it releases
        return Flux.usingWhen(connect(),
                c -> c.begin(isolation, false).thenMany(Flux.defer(() -> work.apply(c))),
                AsyncConnection::commitAndClose, AsyncConnection::closeAfter, AsyncConnection::closeQuietly)
                .doOnDiscard(AsyncConnection.class, AsyncConnection::giveBackDiscarded);
    }

    /**
     * Runs one statement on a pooled connection, committed at once, and streams its rows.
     *
     * @param statement the statement
     * @return its rows
     */
    public Flux<Row> execute(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return withConnection(c -> c.execute(statement));
    }

    /** @param statement a statement returning exactly one row @return the row, see {@link AsyncConnection#one} */
    public Mono<Row> one(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return withConnection(c -> c.one(statement)).next();
    }

    /** @param statement a query @return its first row, or empty */
    public Mono<Row> first(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return withConnection(c -> c.first(statement)).next();
    }

    /**
     * @param statement a statement returning at most one row
     * @param <T>       the value's type
     * @return the first column of the only row, see {@link AsyncConnection#scalar}
     */
    public <T> Mono<T> scalar(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return withConnection(c -> c.<T>scalar(statement)).next();
    }

    /** @param statement any statement @return the rows it changed or returned */
    public Mono<Long> rowCount(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return withConnection(c -> c.rowCount(statement)).next();
    }

    /** @param statements statements of one shape @return their row counts, see {@link AsyncConnection#executeMany} */
    public Flux<Long> executeMany(List<? extends Statement> statements) {
        Objects.requireNonNull(statements, "statements");
        return withConnection(c -> c.executeMany(statements));
    }

    /**
     * Creates the schema, skipping what exists, in one transaction.
     *
     * @param metadata the schema
     * @return completes when created
     */
    public Mono<Void> createAll(MetaData metadata) {
        Objects.requireNonNull(metadata, "metadata");
        return runDdl(() -> new DdlCompiler(dialect()).createAll(metadata));
    }

    /**
     * Reads the live schema into a model that compares with {@code DeclaredSchema.of(metadata, dialect)}, as the
     * blocking engine's {@code inspect} does.
     *
     * @param schemas the schemas to read; none (or {@code null}) for the default one
     * @return what the database holds there
     */
    public Mono<io.retort.schema.model.SchemaModel> inspect(String... schemas) {
        List<String> names = io.retort.compile.SchemaInspection.schemas(schemas);
        return Mono.defer(() -> {
            io.retort.compile.SchemaInspection inspection = dialect().schemaInspection();
            if (inspection == null) {
                return Mono.error(new io.retort.exception.UnsupportedByDialectException("The " + dialect().name()
                        + " dialect cannot read its database's catalog (inspect, autogenerate)"));
            }
            return Flux.usingWhen(connect(),
                            c -> Flux.fromIterable(inspection.queries(names)).concatMap(query -> c.execute(
                                    io.retort.Sql.text(query)).map(row -> row.values().toArray()).collectList()),
                            AsyncConnection::close)
                    .collectList()
                    .map(results -> inspection.model(names, results));
        });
    }

    /**
     * Drops the schema, skipping what is gone, in one transaction.
     *
     * @param metadata the schema
     * @return completes when dropped
     */
    public Mono<Void> dropAll(MetaData metadata) {
        Objects.requireNonNull(metadata, "metadata");
        return runDdl(() -> new DdlCompiler(dialect()).dropAll(metadata));
    }

    private Mono<Void> runDdl(java.util.function.Supplier<List<String>> ddl) {
        return inTransaction(c -> Flux.defer(() -> Flux.fromIterable(ddl.get())).concatMap(c::executeSql)).then();
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

    /** @return the dialect, from the URL */
    public Dialect dialect() {
        return dialect;
    }

    /** @return what depends on the R2DBC driver */
    io.retort.r2dbc.profile.R2dbcDriverProfile profile() {
        return profile;
    }

    /** @return the options the engine was made with */
    public AsyncEngineOptions options() {
        return options;
    }

    /** @return the pool as an R2DBC connection factory, for tools that want one */
    public io.r2dbc.spi.ConnectionFactory connectionFactory() {
        return pool;
    }

    /** @return the pool's counts now */
    public PoolStats poolStats() {
        return pool.getMetrics().map(m -> stats(m)).orElse(new PoolStats(0, 0, 0, 0));
    }

    private static PoolStats stats(PoolMetrics m) {
        return new PoolStats(m.acquiredSize(), m.idleSize(), m.allocatedSize(), m.pendingAcquireSize());
    }

    Compiler compiler() {
        return compiler;
    }

    R2dbcValues values() {
        return values;
    }

    StatementLog log() {
        return log;
    }

    /**
     * Closes the pool and its connections; later calls fail with {@link ResourceClosedException}.
     *
     * @return completes when the pool is closed
     */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            closed = true;
            // an application's pool stays open: it is the application's to close
            return owned ? pool.disposeLater() : Mono.empty();
        });
    }

    private void requireOpen() {
        if (closed) {
            throw new ResourceClosedException("This engine is closed; create a new one with AsyncEngine.create(url)");
        }
    }

    /** @return the engine's database, its URL without a password */
    @Override
    public String toString() {
        return "AsyncEngine[" + shown + "]";
    }
}
