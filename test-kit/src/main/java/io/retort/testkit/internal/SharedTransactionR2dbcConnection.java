package io.retort.testkit.internal;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * One connection lent by a {@link SharedTransactionConnectionFactory}. It unwraps to the real connection, so that
 * an engine can still send a server-side cancel request through it.
 */
final class SharedTransactionR2dbcConnection implements Connection, Wrapped<Connection> {
    private final SharedTransactionConnectionFactory factory;
    private final Connection physical;
    private volatile boolean closed;
    /** The savepoint standing for this connection's transaction, or null outside one. */
    private volatile String savepoint;

    SharedTransactionR2dbcConnection(SharedTransactionConnectionFactory factory, Connection physical) {
        this.factory = factory;
        this.physical = physical;
    }

    @Override
    public Mono<Void> beginTransaction() {
        return Mono.defer(() -> {
            if (savepoint != null) {
                return Mono.empty();
            }
            String name = factory.savepoints().begin();
            savepoint = name;
            return factory.sendAll(List.of(SavepointStack.setCommand(name)));
        });
    }

    @Override
    public Mono<Void> beginTransaction(TransactionDefinition definition) {
        // the test's transaction has begun: its isolation level and read-only flag cannot change any more
        return beginTransaction();
    }

    @Override
    public Mono<Void> commitTransaction() {
        return end(true);
    }

    @Override
    public Mono<Void> rollbackTransaction() {
        return end(false);
    }

    private Mono<Void> end(boolean commit) {
        return Mono.defer(() -> {
            String ending = savepoint;
            if (ending == null) {
                return Mono.empty();
            }
            savepoint = null;
            return factory.sendAll(commit ? factory.savepoints().commit(ending) : factory.savepoints().rollback(ending));
        });
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            if (closed) {
                return Mono.empty();
            }
            closed = true;
            return end(false);
        });
    }

    @Override
    public Batch createBatch() {
        Batch batch = physical.createBatch();
        return new Batch() {
            @Override
            public Batch add(String sql) {
                batch.add(sql);
                return this;
            }

            @Override
            public Flux<Result> execute() {
                return guard().thenMany(Flux.from(batch.execute()));
            }
        };
    }

    @Override
    public Mono<Void> createSavepoint(String name) {
        return beginTransaction().then(factory.sendAll(List.of(SavepointStack.setCommand(name))));
    }

    @Override
    public Mono<Void> releaseSavepoint(String name) {
        return factory.sendAll(List.of("RELEASE SAVEPOINT " + name));
    }

    @Override
    public Mono<Void> rollbackTransactionToSavepoint(String name) {
        return factory.sendAll(List.of("ROLLBACK TO SAVEPOINT " + name));
    }

    @Override
    public Statement createStatement(String sql) {
        return switch (TransactionCommand.of(sql)) {
            case BEGIN -> new CommandStatement(beginTransaction());
            case COMMIT -> new CommandStatement(commitTransaction());
            case ROLLBACK -> new CommandStatement(rollbackTransaction());
            case TRANSACTION_SETTING -> new CommandStatement(Mono.empty());
            case NONE -> new GuardedR2dbcStatement(physical.createStatement(sql), this::guard);
        };
    }

    /** What must go before a statement: the auto-commit savepoint outside a transaction, nothing inside one. */
    private Mono<Void> guard() {
        return Mono.defer(() -> savepoint == null ? factory.beforeAutoCommitStatement() : Mono.empty());
    }

    @Override
    public boolean isAutoCommit() {
        return savepoint == null;
    }

    @Override
    public Mono<Void> setAutoCommit(boolean autoCommit) {
        return autoCommit ? commitTransaction() : beginTransaction();
    }

    @Override
    public ConnectionMetadata getMetadata() {
        return physical.getMetadata();
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return physical.getTransactionIsolationLevel();
    }

    @Override
    public Mono<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> setLockWaitTimeout(Duration timeout) {
        return factory.settle().then(Mono.from(physical.setLockWaitTimeout(timeout)));
    }

    @Override
    public Mono<Void> setStatementTimeout(Duration timeout) {
        return factory.settle().then(Mono.from(physical.setStatementTimeout(timeout)));
    }

    @Override
    public Mono<Boolean> validate(ValidationDepth depth) {
        return Mono.defer(() -> closed ? Mono.just(false)
                : depth == ValidationDepth.LOCAL ? Mono.just(true)
                : factory.settle().then(Mono.from(physical.validate(depth))));
    }

    @Override
    public Connection unwrap() {
        return physical;
    }
}
