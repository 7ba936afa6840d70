package io.retort.examples.web;

import io.retort.engine.PoolStats;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * What the HTTP API asks of the database, one method per endpoint. Two implementations: {@link ReactiveUserService}
 * on {@code AsyncSession} (R2DBC, no thread waits) and {@link BlockingUserService} on the blocking {@code Session}
 * (JDBC, each call on a thread of its own), so the same API and tests run on both.
 *
 * <p>Every operation runs in one session and one transaction, committed when it completes and rolled back when it
 * fails or its subscriber cancels (a client that goes away).
 */
interface UserService {
    /** Users per query of {@link #stream()}. */
    int STREAM_BATCH = 500;

    /**
     * @param after the last id of the previous page, 0 for the first
     * @param limit the page size
     * @return the page
     */
    Mono<UserPage> list(long after, int limit);

    /**
     * @param id a user's key
     * @return the user with its addresses, or empty when there is none
     */
    Mono<UserDetail> get(long id);

    /**
     * @param user the new user and its addresses
     * @return the stored user, with its keys and version 1
     */
    Mono<UserDetail> create(NewUser user);

    /**
     * @param id     the user to change
     * @param change the new values and the version the client read
     * @return the changed user, or empty when there is none; an error {@code StaleObjectException} when the version
     *         is not the stored one (anymore)
     */
    Mono<UserDetail> update(long id, UserChange change);

    /**
     * @param id the user to delete, with its addresses
     * @return whether there was such a user
     */
    Mono<Boolean> delete(long id);

    /**
     * @param after the last id of the previous batch, 0 for the first
     * @param size  the most users to read
     * @return the users after {@code after} in key order, with their addresses (fewer than {@code size}: the last)
     */
    Mono<List<UserDetail>> batch(long after, int size);

    /**
     * Every user with its addresses, in key order, read as the subscriber asks: one {@link #batch} of
     * {@link #STREAM_BATCH} users at a time, each in a short transaction of its own, at most two batches ahead of
     * what the subscriber has taken. A slow reader slows the queries instead of filling memory, and while it reads
     * no connection is held. The stream is not a snapshot: users added or deleted behind the cursor meanwhile are
     * missed, ahead of it they are seen (keyset paging's usual terms).
     *
     * @return the users
     */
    default Flux<UserDetail> stream() {
        // expand() subscribes to the next batch as soon as it emitted one, and a session's transaction commits only
        // once its list is taken: cache() takes it at once and keeps it until asked for, so the batch read ahead
        // never holds a connection while the client is slow. flatMapIterable asks for one batch ahead of the one
        // it is emitting (a prefetch of 1, not Reactor's 256)
        return batch(0, STREAM_BATCH)
                .expand(users -> users.size() < STREAM_BATCH ? Mono.empty()
                        : batch(users.get(users.size() - 1).id(), STREAM_BATCH).cache())
                .flatMapIterable(users -> users, 1);
    }

    /** @return the connection pool's counts now (a connection still lent out after every request ended is a leak) */
    PoolStats poolStats();

    /** @return which implementation runs, for the log and {@code /admin/stats} */
    String describe();

    /** @return completion once the engine and its pool are closed */
    Mono<Void> close();
}
