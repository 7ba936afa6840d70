package io.retort.r2dbc;

import io.retort.exception.InvalidTransactionStateException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.Objects;
import java.util.function.Function;

/**
 * The reactive {@code scoped_session}: one {@link AsyncSession} per reactive chain (a request, a job), carried in
 * the subscriber's Reactor {@code Context} instead of a {@code ThreadLocal}, so it survives thread hops
 * ({@code publishOn}, {@code subscribeOn}, retries). Code deep in the chain asks for {@link #current()} instead of
 * passing the session around:
 *
 * <pre>{@code
 * Flux<User> adults = AsyncSessionContext.withSession(sessions, s -> repository.adults());
 * // in the repository:
 * Flux<User> adults() {
 *     return AsyncSessionContext.current().flatMapMany(s -> s.scalars(select(USERS).where(USERS.AGE.ge(18))));
 * }
 * }</pre>
 */
public final class AsyncSessionContext {
    /** The Context key; private, so only this class puts or reads sessions. */
    private static final Object KEY = new Object() {
        @Override
        public String toString() {
            return "AsyncSessionContext.KEY";
        }
    };

    private AsyncSessionContext() {
    }

    /**
     * @return the session of the enclosing {@link #withSession}, read from the subscriber's Context; errors with
     *         {@link InvalidTransactionStateException} when there is none
     */
    public static Mono<AsyncSession> current() {
        return Mono.deferContextual(ctx -> {
            AsyncSession s = find(ctx);
            return s != null ? Mono.just(s) : Mono.error(new InvalidTransactionStateException("No AsyncSession in the "
                    + "Reactor Context: subscribe to this chain inside AsyncSessionContext.withSession(factory, ...), "
                    + "or pass the session explicitly. (A Context is set where the chain is subscribed: the caller of "
                    + "withSession must subscribe to the publisher it returns, not to a copy made outside it.)"));
        });
    }

    /**
     * Runs {@code body} with a session that every {@link #current()} inside it returns. The session is opened at
     * subscription; when {@code body}'s publisher completes it is committed, when it errors or is cancelled it is
     * rolled back; then it is closed and its connection is back in the pool. Inside another {@code withSession}
     * the outer session is joined: the body runs with it, and the outer one commits or rolls back.
     *
     * @param factory makes the session
     * @param body    what to do with it
     * @param <T>     what it emits
     * @return what {@code body} emitted
     */
    public static <T> Flux<T> withSession(AsyncSessionFactory factory,
                                          Function<? super AsyncSession, ? extends Publisher<T>> body) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(body, "body");
        return Flux.deferContextual(ctx -> {
            AsyncSession outer = find(ctx);
            if (outer != null && !outer.isClosed()) {
                return Flux.from(body.apply(outer));
            }
            return inOwnSession(factory, null, body);
        });
    }

    /**
     * Runs {@code body} in a session of its own (never an outer one), visible to {@link #current()} inside it:
     * committed when it completes, rolled back on error or cancellation, then closed.
     */
    static <T> Flux<T> inOwnSession(AsyncSessionFactory factory, @org.jspecify.annotations.Nullable IsolationLevel isolation,
                                    Function<? super AsyncSession, ? extends Publisher<T>> body) {
        return Flux.usingWhen(Mono.fromSupplier(() -> factory.open(isolation)),
                s -> s.inTransaction(body).contextWrite(c -> c.put(KEY, s)),
                AsyncSession::close, (s, e) -> s.close(), AsyncSession::close);
    }

    private static AsyncSession find(ContextView ctx) {
        return ctx.<AsyncSession>getOrEmpty(KEY).orElse(null);
    }
}
