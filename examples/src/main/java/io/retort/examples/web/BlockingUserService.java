package io.retort.examples.web;

import io.retort.engine.PoolStats;
import io.retort.jdbc.Engine;
import io.retort.jdbc.Session;
import io.retort.jdbc.SessionFactory;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import static io.retort.examples.web.UserTable.USERS;

/**
 * {@link UserService} on the blocking {@code Session}, for comparison: each call runs JDBC on a thread of
 * {@link BlockingThreads} (virtual threads on Java 21+, else a bounded platform pool), never on the HTTP server's
 * event loop. The code inside each call is what a servlet would run; only the wrapping differs.
 */
final class BlockingUserService implements UserService {
    private final SessionFactory sessions;
    private final BlockingThreads threads;

    BlockingUserService(Engine engine, BlockingThreads threads) {
        this.sessions = new SessionFactory(engine, USERS, AddressTable.ADDRESSES);
        this.threads = threads;
    }

    @Override
    public Mono<UserPage> list(long after, int limit) {
        return inSession(s -> UserPage.of(s.scalars(UserQueries.page(after, limit)).stream().map(UserSummary::of).toList(),
                limit));
    }

    @Override
    public Mono<UserDetail> get(long id) {
        return inSession(s -> {
            User u = s.oneOrNull(UserQueries.byId(id), USERS.ADDRESSES.selectin());
            return u == null ? null : UserDetail.of(u, u.getAddresses());
        });
    }

    @Override
    public Mono<UserDetail> create(NewUser input) {
        return Mono.fromCallable(input::toEntity).flatMap(user -> inSession(s -> {
            s.add(user);
            s.flush();
            return UserDetail.of(user, user.getAddresses());
        }));
    }

    @Override
    public Mono<UserDetail> update(long id, UserChange change) {
        return Mono.fromCallable(() -> change.toDetached(id)).flatMap(detached -> inSession(s -> {
            if (s.get(USERS, id) == null) {
                return null;
            }
            User merged = s.merge(detached);   // StaleObjectException on another version, as in the reactive service
            s.flush();
            return UserDetail.of(merged, s.fetch(merged, USERS.ADDRESSES));
        }));
    }

    @Override
    public Mono<Boolean> delete(long id) {
        return inSession(s -> {
            User u = s.get(USERS, id);
            if (u == null) {
                return false;
            }
            s.delete(u);
            s.flush();
            return true;
        });
    }

    @Override
    public Mono<List<UserDetail>> batch(long after, int size) {
        return inSession(s -> s.scalars(UserQueries.batch(after, size), USERS.ADDRESSES.selectin()).stream()
                .map(u -> UserDetail.of(u, u.getAddresses()))
                .toList());
    }

    @Override
    public PoolStats poolStats() {
        return sessions.engine().poolStats();
    }

    @Override
    public String describe() {
        return "blocking Session on " + threads.description() + ", " + sessions.engine();
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> {
            sessions.engine().close();
            threads.scheduler().dispose();
        });
    }

    /**
     * Runs {@code body} in a new session on a blocking thread and commits; an exception rolls back. A {@code null}
     * result is an empty {@code Mono} (no such user).
     */
    private <T> Mono<T> inSession(Function<Session, T> body) {
        Callable<T> call = () -> {
            try (Session s = sessions.open()) {
                return s.inTransaction(body);
            }
        };
        return Mono.fromCallable(call).subscribeOn(threads.scheduler());
    }
}
