package io.retort.testkit.internal;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A transaction command sent as SQL that the test's transaction carries out itself (as a savepoint, or not at
 * all): executing it runs the action and answers one result with no rows and no count.
 */
final class CommandStatement implements Statement {
    private final Mono<Void> action;

    CommandStatement(Mono<Void> action) {
        this.action = action;
    }

    @Override
    public Statement add() {
        return this;
    }

    @Override
    public Statement bind(int index, Object value) {
        throw new IllegalArgumentException("A transaction command takes no values");
    }

    @Override
    public Statement bind(String name, Object value) {
        throw new IllegalArgumentException("A transaction command takes no values");
    }

    @Override
    public Statement bindNull(int index, Class<?> type) {
        throw new IllegalArgumentException("A transaction command takes no values");
    }

    @Override
    public Statement bindNull(String name, Class<?> type) {
        throw new IllegalArgumentException("A transaction command takes no values");
    }

    @Override
    public Mono<Result> execute() {
        return action.thenReturn(EmptyResult.INSTANCE);
    }

    /** The result of a command: nothing. */
    private static final class EmptyResult implements Result {
        static final EmptyResult INSTANCE = new EmptyResult();

        @Override
        public Publisher<Long> getRowsUpdated() {
            return Mono.empty();
        }

        @Override
        public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mapping) {
            return Flux.empty();
        }

        @Override
        public <T> Publisher<T> map(Function<? super Readable, ? extends T> mapping) {
            return Flux.empty();
        }

        @Override
        public Result filter(Predicate<Segment> filter) {
            return this;
        }

        @Override
        public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mapping) {
            return Flux.empty();
        }
    }
}
