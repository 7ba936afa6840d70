package io.retort.examples.web;

import io.retort.engine.PoolStats;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncSessionContext;
import io.retort.r2dbc.AsyncSessionFactory;
import reactor.core.publisher.Mono;

import java.util.List;

import static io.retort.examples.web.UserTable.USERS;

/**
 * {@link UserService} on {@code AsyncSession}: each call returns the session's own {@code Mono}/{@code Flux},
 * so no thread waits for the database and the HTTP server's event loop serves every request.
 *
 * <p>{@link AsyncSessionContext#withSession} opens a session per call, commits when the body completes and rolls
 * back when it errors or is cancelled (the client disconnected), then closes it. Its result is a {@code Flux};
 * {@code singleOrEmpty()} turns it into a {@code Mono} that waits for the commit ({@code next()} would cancel
 * after the first element, and so roll back).
 */
final class ReactiveUserService implements UserService {
    private final AsyncSessionFactory sessions;

    ReactiveUserService(AsyncEngine engine) {
        this.sessions = new AsyncSessionFactory(engine, USERS, AddressTable.ADDRESSES);
    }

    @Override
    public Mono<UserPage> list(long after, int limit) {
        return AsyncSessionContext.withSession(sessions, s -> s.scalars(UserQueries.page(after, limit))
                        .map(UserSummary::of)
                        .collectList())
                .single()
                .map(users -> UserPage.of(users, limit));
    }

    @Override
    public Mono<UserDetail> get(long id) {
        return AsyncSessionContext.withSession(sessions, s -> s.oneOrNull(UserQueries.byId(id), USERS.ADDRESSES.selectin())
                        .map(u -> UserDetail.of(u, u.getAddresses())))
                .singleOrEmpty();
    }

    @Override
    public Mono<UserDetail> create(NewUser input) {
        return Mono.fromCallable(input::toEntity)
                .flatMap(user -> AsyncSessionContext.withSession(sessions, s -> {
                    s.add(user);   // its addresses too (save-update cascade)
                    return s.flush().then(Mono.fromCallable(() -> UserDetail.of(user, user.getAddresses())));
                }).singleOrEmpty());
    }

    @Override
    public Mono<UserDetail> update(long id, UserChange change) {
        return Mono.fromCallable(() -> change.toDetached(id))
                .flatMap(detached -> AsyncSessionContext.withSession(sessions, s -> s.get(USERS, id)
                        // merge refuses a detached version other than the stored one (StaleObjectException); a
                        // concurrent update between this read and the commit fails the flush the same way
                        .flatMap(stored -> s.merge(detached))
                        .flatMap(merged -> s.flush()
                                .then(s.fetch(merged, USERS.ADDRESSES))
                                .map(addresses -> UserDetail.of(merged, addresses))))
                        .singleOrEmpty());
    }

    @Override
    public Mono<Boolean> delete(long id) {
        return AsyncSessionContext.withSession(sessions, s -> s.get(USERS, id)
                        .flatMap(u -> {
                            s.delete(u);   // its addresses too (Cascade.DELETE), loaded or not
                            return s.flush().thenReturn(true);
                        })
                        .defaultIfEmpty(false))
                .single();
    }

    @Override
    public Mono<List<UserDetail>> batch(long after, int size) {
        return AsyncSessionContext.withSession(sessions, s -> s.scalars(UserQueries.batch(after, size),
                                USERS.ADDRESSES.selectin())
                        .map(u -> UserDetail.of(u, u.getAddresses()))
                        .collectList())
                .single();
    }

    @Override
    public PoolStats poolStats() {
        return sessions.engine().poolStats();
    }

    @Override
    public String describe() {
        return "reactive AsyncSession on " + sessions.engine();
    }

    @Override
    public Mono<Void> close() {
        return sessions.engine().close();
    }
}
