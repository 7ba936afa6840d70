package io.retort.execution;

import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.update;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

class BasicExecutionIT {
    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void crudRoundTrip(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            MetaData md = MetaData.of(USERS, ADDRESSES);
            db.createAll(md);
            db.createAll(md); // check-first: a second run is a no-op

            List<List<Object>> ids = db.run(insertInto(USERS).set(USERS.NAME, "ada").set(USERS.AGE, 36).returning(USERS.ID));
            long adaId = ((Number) ids.get(0).get(0)).longValue();
            db.run(insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("bob", 41).values("cy", 25));
            db.run(insertInto(ADDRESSES).set(ADDRESSES.USER_ID, adaId).set(ADDRESSES.EMAIL, "ada@example.com"));

            assertThat(db.run(select(USERS.NAME).from(USERS).where(USERS.AGE.gt(30)).orderBy(USERS.NAME)))
                    .containsExactly(List.of("ada"), List.of("bob"));
            assertThat(db.run(select(USERS.NAME, count()).from(USERS).join(ADDRESSES).groupBy(USERS.NAME)))
                    .hasSize(1);
            assertThat(db.run(update(USERS).set(USERS.AGE, USERS.AGE.plus(1)).where(USERS.NAME.eq("cy"))))
                    .containsExactly(List.of(1));
            assertThat(db.run(deleteFrom(USERS).where(USERS.NAME.in("ada", "bob")))).containsExactly(List.of(2));
            assertThat(db.run(select(count()).from(ADDRESSES)).get(0).get(0)).isEqualTo(0L);
        }
    }
}
