package io.retort.testkit.internal;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The reactive twin of {@link SharedTransactionDataSource}: a connection factory whose connections are all one
 * R2DBC connection inside the test's transaction. Beginning a transaction on one of them sets a savepoint, commit
 * releases it, rollback rolls back to it, whether the engine asks through the driver's methods or sends
 * {@code BEGIN}/{@code COMMIT}/{@code ROLLBACK} as SQL. A statement outside a transaction runs after a savepoint of
 * its own, which the next command on the connection releases, or rolls back to if the statement left the
 * transaction aborted (PostgreSQL): a failed auto-commit statement does not poison the rest of the test.
 *
 * <p>The connections lent share one database session; the engine's operations on them are expected one at a time,
 * as an {@code AsyncSession} runs them.
 */
public final class SharedTransactionConnectionFactory implements ConnectionFactory {
    private static final String AUTO_SAVEPOINT = "retort_test_auto";
    /** How long the end of a test waits for transaction commands still running. */
    private static final Duration LINGER = Duration.ofSeconds(10);

    private final Connection physical;
    private final SavepointStack savepoints = new SavepointStack("retort_test_tx_");
    /** The savepoint of the last auto-commit statement, until the next command settles it. */
    private volatile boolean autoSavepointOpen;
    /** Transaction commands subscribed to and not yet ended, such as the rollback a cancelled operation started. */
    private int commandsInFlight;
    private Sinks.Empty<Void> noCommandsInFlight = Sinks.empty();

    private SharedTransactionConnectionFactory(Connection physical) {
        this.physical = physical;
    }

    /**
     * Begins the test's transaction on a connection.
     *
     * @param physical a connection of the test's own; {@link #rollbackAndClose()} ends it
     * @return the factory lending logical connections over it, once the transaction began
     */
    public static Mono<SharedTransactionConnectionFactory> begin(Connection physical) {
        Objects.requireNonNull(physical, "physical");
        return Mono.from(physical.beginTransaction()).thenReturn(new SharedTransactionConnectionFactory(physical));
    }

    /**
     * Rolls the test's transaction back, then closes the connection (a closed connection rolls back on the server
     * even where the driver's idea of the transaction state lags behind).
     *
     * @return completes when the connection is closed; errors with the rollback's failure, after closing
     */
    public Mono<Void> rollbackAndClose() {
        Mono<Void> close = Mono.from(physical.close());
        // a cancelled operation of the test rolls back in the background: let it finish on an open connection
        return whenNoCommandsInFlight().timeout(LINGER, Mono.empty())
                .then(Mono.from(physical.rollbackTransaction())).then(close)
                .onErrorResume(e -> close.onErrorResume(c -> Mono.empty()).then(Mono.error(e)));
    }

    @Override
    public Mono<Connection> create() {
        return Mono.fromSupplier(() -> new SharedTransactionR2dbcConnection(this, physical));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return () -> physical.getMetadata().getDatabaseProductName();
    }

    SavepointStack savepoints() {
        return savepoints;
    }

    /** Before a statement outside a transaction: settles the previous one, then sets this one's savepoint. */
    Mono<Void> beforeAutoCommitStatement() {
        return settle().then(send(SavepointStack.setCommand(AUTO_SAVEPOINT)))
                .then(Mono.fromRunnable(() -> autoSavepointOpen = true));
    }

    /**
     * Ends the last auto-commit statement's savepoint: released, or rolled back to when the statement failed and left
     * the transaction aborted (the release is refused then). Every command on the connection comes after this.
     */
    Mono<Void> settle() {
        return Mono.defer(() -> {
            if (!autoSavepointOpen) {
                return Mono.empty();
            }
            autoSavepointOpen = false;
            return send("RELEASE SAVEPOINT " + AUTO_SAVEPOINT).onErrorResume(e -> send("ROLLBACK TO SAVEPOINT " + AUTO_SAVEPOINT)
                    .then(send("RELEASE SAVEPOINT " + AUTO_SAVEPOINT)));
        });
    }

    /** Settles, then sends transaction commands in order. */
    Mono<Void> sendAll(List<String> commands) {
        return Mono.defer(() -> {
            commandStarted();
            return settle().thenMany(Flux.fromIterable(commands).concatMap(this::send)).then()
                    .doFinally(signal -> commandEnded());
        });
    }

    private synchronized void commandStarted() {
        if (commandsInFlight++ == 0) {
            noCommandsInFlight = Sinks.empty();
        }
    }

    private synchronized void commandEnded() {
        if (--commandsInFlight == 0) {
            noCommandsInFlight.tryEmitEmpty();
        }
    }

    private synchronized Mono<Void> whenNoCommandsInFlight() {
        return commandsInFlight == 0 ? Mono.empty() : noCommandsInFlight.asMono();
    }

    private Mono<Void> send(String sql) {
        return Flux.from(physical.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).then()
                .onErrorMap(R2dbcException.class, e -> new R2dbcNonTransientResourceException(
                        TestTransactionMessages.commandFailed(sql, e.getMessage()), e.getSqlState(), e.getErrorCode(), e));
    }
}
