package io.retort.examples.web;

import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncEngineOptions;
import io.retort.schema.MetaData;
import reactor.netty.DisposableServer;

import java.time.Duration;

/**
 * The running service: an engine with its tables and sample rows, a {@link UserService} on it and the HTTP
 * server. {@link WebServiceMain} starts one from the command line, the tests start one per class.
 */
final class WebService implements AutoCloseable {
    static final MetaData METADATA = MetaData.of(UserTable.USERS, AddressTable.ADDRESSES);
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(2);

    private final UserService users;
    private final HttpApi api;
    private final DisposableServer server;

    private WebService(UserService users, HttpApi api, DisposableServer server) {
        this.users = users;
        this.api = api;
        this.server = server;
    }

    /**
     * Creates the tables (a no-op when they exist), writes the sample users into an empty table, and listens.
     * Setup blocks the calling thread: it runs before the server serves anything.
     *
     * @param options what to start
     * @return the running service
     */
    static WebService start(WebServiceOptions options) {
        UserService users = options.blocking() ? blocking(options) : reactive(options);
        try {
            HttpApi api = new HttpApi(users);
            return new WebService(users, api, api.start(options.host(), options.port()));
        } catch (RuntimeException e) {
            users.close().block(SETUP_TIMEOUT);
            throw e;
        }
    }

    private static UserService reactive(WebServiceOptions options) {
        AsyncEngine engine = AsyncEngine.create(options.url(), AsyncEngineOptions.DEFAULTS
                .withMaxPoolSize(options.poolSize())
                .withApplicationName(options.applicationName())
                .withEcho(options.echo())
                .withRemoteValidation(options.validateRemotely()));
        UserService users = new ReactiveUserService(engine);
        try {
            engine.createAll(METADATA).then(SampleUsers.insert(engine, options.seedUsers())).block(SETUP_TIMEOUT);
        } catch (RuntimeException e) {
            users.close().block(SETUP_TIMEOUT);
            throw e;
        }
        return users;
    }

    private static UserService blocking(WebServiceOptions options) {
        BlockingThreads threads = options.blockingThreads();
        Engine engine = Engine.create(options.url(), EngineOptions.DEFAULTS
                .withMaxPoolSize(options.poolSize())
                .withApplicationName(options.applicationName())
                .withEcho(options.echo()));
        UserService users = new BlockingUserService(engine, threads);
        try {
            engine.createAll(METADATA);
            SampleUsers.insert(engine, options.seedUsers());
        } catch (RuntimeException e) {
            users.close().block(SETUP_TIMEOUT);
            throw e;
        }
        return users;
    }

    /** @return the port it listens on (the chosen one when started on port 0) */
    int port() {
        return server.port();
    }

    /** @return the service behind the API, for its pool counts */
    UserService users() {
        return users;
    }

    /** @return users handed to streams so far */
    long rowsStreamed() {
        return api.rowsStreamed();
    }

    /** @return completes when the server is stopped */
    DisposableServer server() {
        return server;
    }

    /** Stops listening, lets requests in flight end (up to a few seconds), then closes the engine. */
    @Override
    public void close() {
        try {
            server.disposeNow(Duration.ofSeconds(5));
        } finally {
            users.close().block(SETUP_TIMEOUT);
        }
    }
}
