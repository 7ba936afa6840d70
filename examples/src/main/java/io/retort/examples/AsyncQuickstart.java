package io.retort.examples;

import io.retort.examples.orm.Address;
import io.retort.examples.orm.User;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncEngineOptions;
import io.retort.r2dbc.AsyncSession;
import io.retort.r2dbc.AsyncSessionFactory;
import io.retort.schema.MetaData;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

import static io.retort.Sql.select;
import static io.retort.examples.orm.AddressTable.ADDRESSES;
import static io.retort.examples.orm.UserTable.USERS;

/**
 * The tutorial's async step: the same entities and queries on R2DBC, through an AsyncEngine and AsyncSession
 * whose operations return Mono and Flux. A program's main thread may wait for the result; a reactive web
 * service would return the Flux instead.
 */
public final class AsyncQuickstart {
    private AsyncQuickstart() {
    }

    static void run(String url) {
        AsyncEngine engine = AsyncEngine.create(url, AsyncEngineOptions.DEFAULTS.withEcho(true));
        AsyncSessionFactory sessions = new AsyncSessionFactory(engine, USERS, ADDRESSES);
        MetaData metadata = MetaData.of(USERS, ADDRESSES);

        System.out.println();
        System.out.println("== async: create_async_engine + AsyncSession, on R2DBC");
        Mono<Void> tutorial = engine.createAll(metadata)
                .then(Mono.usingWhen(Mono.fromSupplier(sessions::open), session -> {
                    User sandy = new User("sandy", "Sandy Cheeks");
                    sandy.getAddresses().add(new Address("sandy@sqlalchemy.org"));
                    session.addAll(List.of(sandy, new User("patrick", "Patrick Star")));   // no I/O: registers only
                    return session.commit()
                            .thenMany(session.<User>scalars(select(USERS).orderBy(USERS.NAME), USERS.ADDRESSES.selectin()))
                            .doOnNext(u -> System.out.println("  " + u + " has " + u.getAddresses().size() + " address(es)"))
                            .then();
                }, AsyncSession::close))
                .then(Mono.usingWhen(Mono.fromSupplier(sessions::open), AsyncQuickstart::lazyLoadIsRefused, AsyncSession::close))
                .then(engine.dropAll(metadata))
                .then(engine.close());
        tutorial.block(Duration.ofSeconds(30));
    }

    /** Touching a collection that was not loaded fails at once instead of blocking; session.fetch loads it. */
    private static Mono<Void> lazyLoadIsRefused(AsyncSession session) {
        return session.<User>scalars(select(USERS).where(USERS.NAME.eq("sandy"))).next().flatMap(u -> {
            try {
                u.getAddresses().size();
            } catch (RuntimeException refused) {
                System.out.println("  " + refused.getMessage());
            }
            return session.fetch(u, USERS.ADDRESSES);
        }).flatMapMany(Flux::fromIterable)
                .doOnNext(a -> System.out.println("  fetched " + a))
                .then();
    }
}
