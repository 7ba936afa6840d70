package io.retort.r2dbc;

import io.r2dbc.spi.ConnectionFactories;
import io.retort.schema.MetaData;
import io.retort.testing.GeneratedKeysH2Dialect;
import io.retort.testing.orm.User;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.testing.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** A dialect whose new keys come back through the driver: R2DBC's returnGeneratedValues, for Core and the session. */
class GeneratedKeysIT {
    @Test
    void coreAndSessionGetTheirKeysFromTheDriver() {
        AsyncEngine engine = AsyncEngine.of(ConnectionFactories.get("r2dbc:h2:mem:///gk" + System.nanoTime()
                + "?options=DB_CLOSE_DELAY=-1"), new GeneratedKeysH2Dialect(), AsyncEngineOptions.DEFAULTS);
        try {
            engine.createAll(MetaData.of(USERS)).as(StepVerifier::create).verifyComplete();
            Long adaId = engine.execute(insertInto(USERS).set(USERS.NAME, "ada").returning(USERS.ID))
                    .map(r -> r.get(USERS.ID)).single().block(Duration.ofSeconds(10));
            assertThat(adaId).isNotNull();

            List<User> users = List.of(new User("bob", "Bob", 1), new User("cy", "Cy", 2), new User("dee", "Dee", 3));
            AsyncSession session = new AsyncSessionFactory(engine, USERS).open();
            users.forEach(session::add);
            session.commit().then(session.close()).as(StepVerifier::create).verifyComplete();
            assertThat(users).extracting(User::getId).doesNotContainNull().isSorted().doesNotHaveDuplicates();
            assertThat(users.get(0).getId()).isGreaterThan(adaId);
            Flux.fromIterable(users)
                    .concatMap(u -> engine.scalar(select(USERS.NAME).from(USERS).where(USERS.ID.eq(u.getId()))))
                    .as(StepVerifier::create).expectNext("bob", "cy", "dee").verifyComplete();
            engine.scalar(select(count()).from(USERS)).as(StepVerifier::create).expectNext(4L).verifyComplete();
        } finally {
            engine.close().block(Duration.ofSeconds(10));
        }
    }
}
