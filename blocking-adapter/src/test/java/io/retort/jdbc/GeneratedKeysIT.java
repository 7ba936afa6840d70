package io.retort.jdbc;

import io.retort.schema.MetaData;
import io.retort.testing.GeneratedKeysH2Dialect;
import io.retort.testing.orm.User;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.testing.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dialect whose new keys come back through the driver (no RETURNING): the statement asks JDBC for generated keys,
 * and the session's flush sets the ids of a multi-row INSERT from them, in order.
 */
class GeneratedKeysIT {
    @Test
    void coreAndSessionGetTheirKeysFromTheDriver() throws Exception {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:gk" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Engine engine = Engine.of(h2, new GeneratedKeysH2Dialect(), EngineOptions.DEFAULTS.withEcho(true))) {
            engine.createAll(MetaData.of(USERS));
            Result inserted = engine.execute(insertInto(USERS).set(USERS.NAME, "ada").returning(USERS.ID));
            assertThat(inserted.rowCount()).isEqualTo(1);
            Long adaId = inserted.one().get(USERS.ID);
            assertThat(adaId).isNotNull();

            List<User> users = List.of(new User("bob", "Bob", 1), new User("cy", "Cy", 2), new User("dee", "Dee", 3));
            try (Session session = new SessionFactory(engine, USERS).open()) {
                users.forEach(session::add);
                session.commit();
            }
            assertThat(users).extracting(User::getId).doesNotContainNull().isSorted().doesNotHaveDuplicates();
            assertThat(users.get(0).getId()).isGreaterThan(adaId);
            for (User u : users) {
                assertThat((String) engine.scalar(select(USERS.NAME).from(USERS).where(USERS.ID.eq(u.getId()))))
                        .isEqualTo(u.getName());
            }
            assertThat((Long) engine.scalar(select(count()).from(USERS))).isEqualTo(4L);
        }
    }
}
