package io.retort.testkit.internal;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/** A statement of a {@link SharedTransactionR2dbcConnection}: the connection's guard runs before it executes. */
final class GuardedR2dbcStatement implements Statement {
    private final Statement statement;
    private final Supplier<Mono<Void>> guard;

    GuardedR2dbcStatement(Statement statement, Supplier<Mono<Void>> guard) {
        this.statement = statement;
        this.guard = guard;
    }

    @Override
    public Statement add() {
        statement.add();
        return this;
    }

    @Override
    public Statement bind(int index, Object value) {
        statement.bind(index, value);
        return this;
    }

    @Override
    public Statement bind(String name, Object value) {
        statement.bind(name, value);
        return this;
    }

    @Override
    public Statement bindNull(int index, Class<?> type) {
        statement.bindNull(index, type);
        return this;
    }

    @Override
    public Statement bindNull(String name, Class<?> type) {
        statement.bindNull(name, type);
        return this;
    }

    @Override
    public Statement returnGeneratedValues(String... columns) {
        statement.returnGeneratedValues(columns);
        return this;
    }

    @Override
    public Statement fetchSize(int rows) {
        statement.fetchSize(rows);
        return this;
    }

    @Override
    public Flux<Result> execute() {
        return Flux.defer(() -> guard.get().thenMany(Flux.<Result>from(statement.execute())));
    }
}
